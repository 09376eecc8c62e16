import { HostError } from './HostError';
import type { HostServices } from './HostServices';

/**
 * Runs a command on behalf of the person (palette, keybinding, menu, toolbar): a failure becomes a readable
 * message instead of an unhandled rejection, and the log keeps the code.
 */
export async function runCommand(services: HostServices, id: string, ...args: unknown[]): Promise<void> {
  try {
    await services.commands.executeCommand(id, ...args);
  } catch (err) {
    const code = err instanceof HostError ? err.code : 'host/command-failed';
    console.error(`[${code}] command ${id} failed`, err);
    const title = services.commands.getDeclaration(id)?.title;
    const name = title ? services.localize(title) : id;
    const readOnly = err instanceof HostError && err.code === 'map/read-only';
    services.notifications.show(
      'error',
      services.localize(
        readOnly
          ? { nl: `"${name}" kan niet: deze link is alleen om te bekijken. Vraag een link om te bewerken.`, en: `"${name}" is not possible: this link is view-only. Ask for an edit link.` }
          : {
              nl: `"${name}" is mislukt: ${err instanceof HostError ? err.detail : String(err)}. Probeer het opnieuw; blijft het misgaan, meld het dan.`,
              en: `"${name}" failed: ${err instanceof HostError ? err.detail : String(err)}. Try again; if it keeps failing, report it.`,
            },
      ),
      services.commands.getDeclaration(id)?.extensionId,
    );
  }
}

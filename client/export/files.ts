import { downloadExport } from '../host/core/downloadExport';
import type { ExportData } from '../host/api';

/** Today in the person's own calendar, as YYYY-MM-DD (file names sort by it). */
export function fileDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name base without the characters file systems refuse (as downloads are named). */
export function safeBase(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'mantelkaart';
}

/** Offers data as a download named `<base>.<extension>` (unsafe characters in the base become "-"). */
export function saveFile(data: ExportData, base: string, extension: string, mimeType: string): void {
  downloadExport(data, base, extension, mimeType);
}

/** A file the person picks, read as text (at most maxBytes of it: the gate refuses what is too long); undefined when they cancel. */
export function pickTextFile(accept: string, maxBytes: number): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'mk-file-picker';
    let settled = false;
    const finish = (v: { name: string; text: string } | undefined) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(v);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(undefined);
      file.slice(0, maxBytes).text().then(
        (text) => finish({ name: file.name, text }),
        () => finish({ name: file.name, text: '' }),
      );
    });
    input.addEventListener('cancel', () => finish(undefined));
    document.body.appendChild(input);
    input.click();
  });
}

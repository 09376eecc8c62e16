import { isAbsolute, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { errorText, formatLogLine } from '../log';

/** The settings of the server these commands work on: the same environment variables as `npm start`. */
export function cliConfig(command: string): Config {
  try {
    return loadConfig();
  } catch (err) {
    fail(command, 'CONFIG_INVALID', err instanceof ConfigError ? err.message : errorText(err));
  }
}

/**
 * The file argument, resolved against the directory the command was typed in: `npm run` starts scripts in the
 * package root but says where the user was in INIT_CWD.
 */
export function fileArgument(command: string, args: string[], usage: string): { file: string; flags: Set<string> } {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) fail(command, 'USAGE', usage);
  const base = process.env.INIT_CWD ?? process.cwd();
  return { file: isAbsolute(files[0]) ? files[0] : resolve(base, files[0]), flags };
}

export function fail(command: string, code: string, message: string): never {
  process.stderr.write(formatLogLine(`${command}_FAILED`, { code }) + '\n' + message + '\n');
  process.exit(1);
}

// `npm start`: build the client when needed, then run the server (TypeScript through tsx) in this process tree.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientIfNeeded } from './clientBuild.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildClientIfNeeded();
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/index.ts')], { stdio: 'inherit', env: process.env });
// Forward signals so the server can close sockets and flush storage before it exits.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

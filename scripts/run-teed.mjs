// Runs a command with its output streamed live and also kept, for the test scripts to read counts from
// (scripts/test-all.mjs, scripts/test-browser.mjs).
import { spawn } from 'node:child_process';

/**
 * Resolves with the exit code (128 for a signal) and everything the command printed. `onChild` gets
 * the child while it runs (so a Ctrl-C handler can stop it) and `undefined` once it has ended.
 */
export function runTeed(command, args, { env = {}, cwd, stdin = 'ignore', onChild = () => {} } = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: [stdin, 'pipe', 'pipe'] });
    onChild(child);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      output += String(error);
      console.error(String(error));
    });
    child.on('close', (code, signal) => {
      onChild(undefined);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

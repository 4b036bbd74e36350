/**
 * npm run partners -- add <id> "<display name>" [origin …]
 * npm run partners -- list [--json]
 * npm run partners -- allow-origin <id> <origin>
 * npm run partners -- remove-origin <origin>
 * npm run partners -- remove <id>
 *
 * Partners as data (issue 19), in the endpoint's own database (DATABASE_URL, as the server). An origin
 * allowed for a partner may call the API from a browser, and what it sends is credited to that partner.
 * ALLOWED_ORIGINS keeps working beside this (origins allowed without a partner). A running server sees
 * a change within 5 seconds.
 */
import { ConfigError, normaliseOrigin } from '../config.js';
import { PartnerError } from '../storage/partners.js';
import { runCli, UsageError, withStorage } from './common.js';

const USAGE = `Usage:
  npm run partners -- add <id> "<display name>" [origin …]   e.g. add grapevine "Grapevine Coventry" https://grapevine.example
  npm run partners -- list [--json]
  npm run partners -- allow-origin <id> <origin>             e.g. allow-origin grapevine https://www.grapevine.example
  npm run partners -- remove-origin <origin>
  npm run partners -- remove <id>`;

function origin(value: string | undefined): string {
  if (!value) throw new UsageError('Give the site origin, like https://www.example.org');
  try {
    return normaliseOrigin(value);
  } catch (e) {
    throw new UsageError((e as ConfigError).message);
  }
}

runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const need = (n: number, what: string) => {
    if (args.length < n) throw new UsageError(`${command}: give ${what}`);
  };
  try {
    await withStorage(async ({ partners }) => {
      switch (command) {
        case 'add': {
          need(2, 'an id and a display name');
          const [id, name, ...origins] = args as [string, string, ...string[]];
          const normalised = origins.map(origin);
          await partners.add(id, name);
          for (const o of normalised) await partners.allowOrigin(id, o);
          console.log(`Added partner ${id} (${name.trim()})${normalised.length ? `, allowed from ${normalised.join(', ')}` : ''}.`);
          return;
        }
        case 'list': {
          const list = await partners.list();
          if (args.includes('--json')) return console.log(JSON.stringify(list, null, 2));
          if (list.length === 0) return console.log('No partners yet. Add one with: npm run partners -- add <id> "<display name>" <origin>');
          for (const p of list) console.log(`${p.id}\t${p.name}\t${p.origins.join(' ') || '(no origins yet)'}`);
          return;
        }
        case 'allow-origin': {
          need(2, 'a partner id and an origin');
          const o = origin(args[1]);
          await partners.allowOrigin(args[0]!, o);
          console.log(`${o} may now post as ${args[0]}.`);
          return;
        }
        case 'remove-origin': {
          need(1, 'an origin');
          const o = origin(args[0]);
          console.log((await partners.removeOrigin(o)) ? `${o} removed.` : `${o} was not on any partner's list.`);
          return;
        }
        case 'remove': {
          need(1, 'a partner id');
          if (!(await partners.remove(args[0]!))) throw new UsageError(`There is no partner "${args[0]}"`);
          console.log(`Removed partner ${args[0]} and its origins (its past submissions stay).`);
          return;
        }
        default:
          throw new UsageError(command ? `Unknown command "${command}"` : 'Give a command');
      }
    });
  } catch (e) {
    if (e instanceof PartnerError) throw new UsageError(e.message);
    throw e;
  }
}, USAGE);

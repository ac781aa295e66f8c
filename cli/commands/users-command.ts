import { createInterface } from 'node:readline';
import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command, type CommandIo } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { listUsers, removeUser, saveUser } from '../../sql/queries/users.ts';
import { hashPassword } from '../../web/auth/password.ts';

/** The password from stdin: its first line when piped (--password-stdin), else asked for without echo. */
async function readPassword(io: CommandIo, fromStdin: boolean): Promise<string> {
  const stdin = process.stdin;
  if (fromStdin || !stdin.isTTY) {
    const lines = createInterface({ input: stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  io.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.resume();
  let text = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          io.stderr.write('\n');
          resolve(text);
          return;
        }
        if (char === '\u0003') process.exit(130);
        text = char === '\u007f' ? text.slice(0, -1) : text + char;
      }
    };
    stdin.on('data', onData);
  });
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'reviewer accounts of `isa serve`: add, list, remove',
  arguments: '<add|list|remove> [NAME]',
  help: `isa users add NAME        asks for a password (or reads its first line from stdin with --password-stdin)
isa users add NAME --replace   sets a new password and ends the account's sessions
isa users list
isa users remove NAME

Passwords are stored as scrypt hashes (node:crypto); at least 8 characters.`,
  options: {
    'password-stdin': { type: 'boolean', description: 'read the password from the first line of stdin' },
    replace: { type: 'boolean', description: 'with add: set a new password for an existing account' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [action, name] = positionals;
    if (action !== 'add' && action !== 'list' && action !== 'remove') throw new UsageError('say add, list or remove');
    if (action !== 'list' && !name?.trim()) throw new UsageError(`isa users ${action} needs a NAME`);
    if (name && !/^[\p{L}\p{N}._@-]{1,64}$/u.test(name)) throw new UsageError(`"${name}" is not a usable account name: letters, digits and . _ @ - only`);
    let password = '';
    if (action === 'add') {
      password = await readPassword(io, Boolean(values['password-stdin']));
      if (password.length < 8) {
        print(io.stderr, 'isa users: the password needs at least 8 characters; nothing was saved');
        return EXIT.failed;
      }
    }
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }), { brief: true });
    try {
      if (action === 'list') {
        for (const user of await listUsers(database.db)) print(io.stdout, `${user.name}\tadded ${new Date(user.created_at).toISOString()}`);
        return EXIT.ok;
      }
      if (action === 'remove') {
        const removed = await removeUser(database.db, name!);
        print(removed ? io.stdout : io.stderr, removed ? `removed ${name} and its sessions` : `isa users: no account ${name}`);
        return removed ? EXIT.ok : EXIT.failed;
      }
      const outcome = await saveUser(database.db, name!, await hashPassword(password), { replace: Boolean(values.replace) });
      print(io.stdout, `${outcome} ${name}; sign in at the address \`isa serve\` prints`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};

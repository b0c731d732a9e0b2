import { readdirSync, readFileSync, readlinkSync } from 'fs';
import type { Socket } from 'net';

/** `/proc/net/tcp{,6}` addresses end in ":PORT" (hex); the inode is column 9. */
function inodeOf(localPort: number, remotePort: number): string | undefined {
  const hex = (p: number) => p.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/net/${table}`, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1].endsWith(`:${hex(localPort)}`) && cols[2].endsWith(`:${hex(remotePort)}`)) return cols[9];
    }
  }
  return undefined;
}

/**
 * The command line of the process on the other end of `socket`, a connection accepted on this
 * machine: found by the client's socket inode among every process's open files. Call it while
 * the connection is open. Undefined when no process here holds it.
 */
export function peerProcess(socket: Socket): string | undefined {
  const inode = inodeOf(socket.remotePort as number, socket.localPort as number);
  if (!inode) return undefined;
  const link = `socket:[${inode}]`;
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => safeReadlink(`/proc/${pid}/fd/${fd}`) === link)) {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      }
    } catch {
      // a process that ended, or one this user may not look into
    }
  }
  return undefined;
}

function safeReadlink(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Who holds which socket on this machine, read from /proc (Linux): for tests that check what a
 * process listens on or who connected to a test server. Tests run as one user on one machine, so
 * every process they start is visible here.
 */
import { readdirSync, readFileSync, readlinkSync } from 'fs';

export interface TcpSocket {
  /** Address as /proc prints it: 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word little-endian. */
  localAddress: string;
  localPort: number;
  remotePort: number;
  listening: boolean;
  inode: string;
}

/** The rows of `/proc/net/<table>` (this network namespace's sockets), split into columns. */
export function procNetRows(table: string): string[][] {
  try {
    return readFileSync(`/proc/net/${table}`, 'utf8').trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
  } catch {
    return []; // a protocol this kernel does not have
  }
}

/** Every TCP socket (v4 and v6) in this network namespace. */
export function tcpSockets(): TcpSocket[] {
  return ['tcp', 'tcp6'].flatMap((table) =>
    procNetRows(table).map((cols) => {
      const [localAddress, localPort] = cols[1].split(':');
      return { localAddress, localPort: parseInt(localPort, 16), remotePort: parseInt(cols[2].split(':')[1], 16), listening: cols[3] === '0A', inode: cols[9] };
    })
  );
}

const V6_LOOPBACK = '00000000000000000000000001000000';
/** 127.0.0.0/8, ::1, or ::ffff:127.x.x.x. */
export function isLoopback(address: string): boolean {
  if (address.length === 8) return address.endsWith('7F');
  return address === V6_LOOPBACK || (address.startsWith('0000000000000000FFFF0000') && address.endsWith('7F'));
}

/** The inodes of the sockets `pid` holds open (its fds that link to `socket:[inode]`). */
export function socketInodes(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    const m = /^socket:\[(\d+)\]$/.exec(readlink(`/proc/${pid}/fd/${fd}`) ?? '');
    return m ? [m[1]] : [];
  });
}

/** The process holding socket `inode` open, if any here. */
export function socketOwner(inode: string): number | undefined {
  const link = `socket:[${inode}]`;
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlink(`/proc/${pid}/fd/${fd}`) === link)) return Number(pid);
    } catch {
      // a process that ended meanwhile
    }
  }
  return undefined;
}

export const commandLine = (pid: number): string => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();

/**
 * The process on the other end of a connection accepted on this machine (`localPort` ours,
 * `remotePort` the client's), while it is open: the client's socket is the one whose local port
 * is our remote port and whose remote port is ours.
 */
export function peerPid(localPort: number, remotePort: number): number | undefined {
  const client = tcpSockets().find((s) => s.localPort === remotePort && s.remotePort === localPort);
  return client && socketOwner(client.inode);
}

/** The process listening on TCP `port`. */
export function listenerPid(port: number): number | undefined {
  const s = tcpSockets().find((x) => x.listening && x.localPort === port);
  return s && socketOwner(s.inode);
}

/** The TCP sockets `pid` listens on. */
export function listeningSockets(pid: number): TcpSocket[] {
  const mine = new Set(socketInodes(pid));
  return tcpSockets().filter((s) => s.listening && mine.has(s.inode));
}

function readlink(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined; // closed between the listing and the read
  }
}

/**
 * What makes a model zip's entry a program, judged the same way by the browser's check and the
 * sidecar. A program is known by its name: execute bits alone mean nothing (zips made on
 * FAT/exFAT/NTFS mounts or after `chmod -R 755` mark every file so, ML Commons ignores modes, and
 * nothing here runs an entry), except on a file with no extension at all, which has nothing else
 * to tell.
 */

export const SCRIPT_EXTENSIONS = ['.sh', '.bat', '.cmd', '.ps1'];

/** The lower-cased extension of an entry's file name, '' for none (a leading dot starts no extension). */
export function entryExtension(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

/** `script` or `executable` (marked so, with no extension) when the file `name` is a program. */
export function programKind(name: string, markedExecutable: boolean): 'script' | 'executable' | undefined {
  const extension = entryExtension(name);
  if (SCRIPT_EXTENSIONS.includes(extension)) return 'script';
  return markedExecutable && !extension ? 'executable' : undefined;
}

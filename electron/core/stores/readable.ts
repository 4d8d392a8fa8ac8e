import { access } from 'node:fs/promises';

/** Whether a file exists and can be read. */
export async function readable(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

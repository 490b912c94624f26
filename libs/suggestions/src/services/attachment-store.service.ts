import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/persistence';

/**
 * The file store of suggestion attachments: plain files under DATA_DIR/attachments, one per attachment, written
 * whole or not at all (temporary file, then rename). Another store (object storage) replaces this class.
 */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.DATA_DIR, 'attachments');
  }

  /** Stores the bytes under `key` (e.g. `<jurisdiction>/<suggestion>/<attachment>`) and returns their SHA-256. */
  async put(key: string, content: Buffer): Promise<{ sha256: string }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
    return { sha256: createHash('sha256').update(content).digest('hex') };
  }

  /** A stream of the stored bytes; fails when the file is missing (a store that lost data is a server fault). */
  async open(key: string): Promise<{ stream: Readable; size: number }> {
    const path = this.pathOf(key);
    const { size } = await stat(path);
    return { stream: createReadStream(path), size };
  }

  /** Removes the file; a file already gone is fine (a removal may run twice). */
  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    // Keys are built from uuids; this only guards against a key that would leave the store.
    if (!path.startsWith(this.root + sep)) throw new Error(`Attachment key outside the store: ${key}`);
    return path;
  }
}

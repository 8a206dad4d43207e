import { afterEach, describe, expect, it } from 'vitest';
import '../../src/elements/upload/define.js';
import type { ScribeUpload } from '../../src/elements/upload/upload.js';

afterEach(() => document.body.replaceChildren());

describe('<scribe-upload> selection', () => {
  it('fires change with the selected file in `source`, like an <input type="file">', async () => {
    const upload = document.createElement('scribe-upload') as ScribeUpload;
    document.body.append(upload);
    await upload.updateComplete;
    const seen: unknown[] = [];
    document.body.addEventListener('change', () => seen.push(upload.source));
    const file = new File([new Uint8Array([82, 73, 70, 70])], 'clip.wav', { type: 'audio/wav' });
    await upload.selectFile(file);
    expect(seen).toEqual([{ kind: 'file', file }]);
  });

  it('does not fire change for a refused file', async () => {
    const upload = document.createElement('scribe-upload') as ScribeUpload;
    upload.accept = 'audio/*';
    document.body.append(upload);
    await upload.updateComplete;
    let changes = 0;
    upload.addEventListener('change', () => changes++);
    await upload.selectFile(new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(changes).toBe(0);
    expect(upload.source).toBeUndefined();
  });
});

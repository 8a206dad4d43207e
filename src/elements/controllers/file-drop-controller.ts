import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link FileDropController}. */
export interface FileDropControllerOptions {
  /** Receives the first file dropped on or pasted into the host. */
  onFile: (file: File) => void;
  /** Whether files are taken right now; while `false`, drops and pastes are left alone. */
  isEnabled?: () => boolean;
}

/**
A reactive controller that takes files dropped on its host or pasted while focus is inside it,
and tracks whether files are being dragged over (`isDragOver`), asking the host to update when
that changes. Listeners are added to the host on connect and removed on disconnect; pasted text
is left to the field it was pasted into.

@example
```ts
import { LitElement, html } from 'lit';
import { FileDropController } from 'scribekit/elements';

class MyDrop extends LitElement {
  private readonly drop = new FileDropController(this, { onFile: (file) => console.log(file.name) });
  override render() {
    return html`<div class=${this.drop.isDragOver ? 'over' : ''}>Drop here</div>`;
  }
}
```
*/
export class FileDropController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: FileDropControllerOptions;
  private depth = 0;
  private _isDragOver = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FileDropControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Whether files are being dragged over the host. */
  get isDragOver(): boolean {
    return this._isDragOver;
  }

  hostConnected(): void {
    this.host.addEventListener('dragenter', this.onDragEnter);
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('dragleave', this.onDragLeave);
    this.host.addEventListener('drop', this.onDrop);
    this.host.addEventListener('paste', this.onPaste);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragenter', this.onDragEnter);
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('dragleave', this.onDragLeave);
    this.host.removeEventListener('drop', this.onDrop);
    this.host.removeEventListener('paste', this.onPaste);
    this.setDragOver(false);
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!this.accepts(event)) return;
    event.preventDefault();
    this.depth++;
    this.setDragOver(true);
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!this.accepts(event)) return;
    // Without preventDefault on every dragover the browser refuses the drop.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.setDragOver(true);
  };

  private readonly onDragLeave = (): void => {
    // dragleave fires for every child crossed; only the last one means the pointer left.
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.setDragOver(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.depth = 0;
    this.setDragOver(false);
    if (!this.accepts(event)) return;
    // Otherwise the browser opens the dropped file in place of the page.
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) this.options.onFile(file);
  };

  private readonly onPaste = (event: ClipboardEvent): void => {
    const file = event.clipboardData?.files[0];
    if (file === undefined || !this.isEnabled()) return;
    event.preventDefault();
    this.options.onFile(file);
  };

  private accepts(event: DragEvent): boolean {
    return this.isEnabled() && carriesFiles(event);
  }

  private isEnabled(): boolean {
    return this.options.isEnabled?.() ?? true;
  }

  private setDragOver(isDragOver: boolean): void {
    if (this._isDragOver === isDragOver) return;
    this._isDragOver = isDragOver;
    this.host.requestUpdate();
  }
}

function carriesFiles(event: DragEvent): boolean {
  const transfer = event.dataTransfer;
  // A drag event without a DataTransfer (synthetic ones) is given the benefit of the doubt.
  if (!transfer) return true;
  // Browsers list dragged files as the type `Files`; the items' kinds say the same everywhere.
  return (
    Array.from(transfer.types).includes('Files') ||
    Array.from(transfer.items).some((item) => item.kind === 'file')
  );
}

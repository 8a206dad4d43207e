import { css } from 'lit';

/** The styles of `<scribe-upload>`: logical properties throughout, so RTL needs no overrides. */
export const uploadStyles = css`
  :host {
    --_accent: var(--scribe-upload-accent, var(--scribe-color-accent, #2563eb));
    --_text: var(--scribe-upload-text-color, var(--scribe-color-text, inherit));
    --_muted: var(--scribe-upload-muted-color, var(--scribe-color-muted, #5f6368));
    --_border: var(--scribe-upload-border-color, var(--scribe-color-border, #9aa0a6));
    --_surface: var(--scribe-upload-background, var(--scribe-color-surface, transparent));
    --_error: var(--scribe-upload-error-color, var(--scribe-color-error, #b3261e));
    --_radius: var(--scribe-upload-radius, var(--scribe-radius, 0.5rem));
    --_gap: var(--scribe-upload-gap, var(--scribe-spacing, 0.75rem));

    display: var(--scribe-upload-display, block);
    color: var(--_text);
    font-family: var(--scribe-upload-font-family, var(--scribe-font-family, inherit));
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    background: var(--_surface);
  }

  .dropzone {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    min-block-size: var(--scribe-upload-dropzone-min-height, 8rem);
    padding: var(--_gap);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: center;
    cursor: pointer;
  }

  .dropzone:hover,
  .dropzone.is-dragover {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }

  .dropzone:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: var(--scribe-upload-focus-ring, var(--scribe-focus-ring, 2px solid var(--_accent)));
    outline-offset: 2px;
  }

  .url-form,
  .options,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_gap) / 2) var(--_gap);
  }

  .url-form label {
    flex-basis: 100%;
  }

  .url-input {
    flex: 1 1 16rem;
    min-inline-size: 0;
    font: inherit;
  }

  .file-info {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem var(--_gap);
    margin: 0;
  }

  .file-info dt {
    color: var(--_muted);
  }

  .file-info dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .progress {
    inline-size: 100%;
    accent-color: var(--_accent);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_gap);
    color: var(--_muted);
  }

  .error {
    color: var(--_error);
  }

  .error:empty {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

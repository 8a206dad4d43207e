import { css } from 'lit';

/** The shadow styles of `<scribe-live>`: logical properties throughout, so RTL needs no overrides. */
export const liveStyles = css`
  :host {
    --_accent: var(--scribe-live-accent, var(--scribe-color-accent, #2563eb));
    --_text: var(--scribe-live-text-color, var(--scribe-color-text, inherit));
    --_muted: var(--scribe-live-muted-color, var(--scribe-color-muted, #5f6368));
    --_border: var(--scribe-live-border-color, var(--scribe-color-border, #9aa0a6));
    --_error: var(--scribe-live-error-color, var(--scribe-color-error, #b3261e));
    --_gap: var(--scribe-live-gap, var(--scribe-spacing, 0.75rem));
    --_radius: var(--scribe-live-radius, var(--scribe-radius, 0.5rem));
    --_level: 0;

    display: block;
    color: var(--_text);
    font-family: var(--scribe-live-font-family, var(--scribe-font-family, inherit));
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  [part~='controls'],
  [part~='downloads'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  button:focus-visible,
  [part~='transcript']:focus-visible {
    outline: var(--scribe-live-focus-ring, var(--scribe-focus-ring, 2px solid var(--_accent)));
    outline-offset: 2px;
  }

  [part~='level'] {
    position: relative;
    inline-size: var(--scribe-live-level-width, 6rem);
    block-size: 0.5rem;
    border-radius: 0.25rem;
    background: color-mix(in srgb, var(--_border) 35%, transparent);
    overflow: hidden;
  }

  [part~='level-bar'] {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: calc(var(--_level) * 100%);
    background: var(--scribe-live-level-color, var(--_accent));
  }

  [part~='status'] {
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part~='transcript'] {
    max-block-size: var(--scribe-live-max-height, 20rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    line-height: var(--scribe-live-line-height, 1.6);
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='segment'] {
    margin-block: 0 var(--scribe-live-segment-gap, 0.75em);
    /* Paragraphs out of view skip layout and paint, so a long session stays cheap to show. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3lh;
  }

  [part~='text'],
  [part~='translation'] {
    margin: 0;
  }

  [part~='speaker'] {
    display: block;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--scribe-live-speaker-color, var(--_muted));
  }

  [part~='language'] {
    display: inline-block;
    margin-inline: 0.25em;
    padding-inline: 0.3em;
    border-radius: 0.25em;
    font-size: 0.75em;
    color: var(--_muted);
    border: 1px solid var(--_border);
  }

  [part~='partial'] {
    color: var(--scribe-live-partial-color, var(--_muted));
  }

  [part~='translation'] {
    margin-block-start: 0.25em;
    padding-inline-start: 0.75em;
    border-inline-start: 2px solid var(--_border);
    color: var(--scribe-live-translation-color, var(--_muted));
  }

  [part~='translation-partial'] {
    opacity: 0.7;
  }

  [part~='empty'] {
    color: var(--_muted);
  }

  [part~='error'] {
    color: var(--_error);
  }

  [part~='error']:empty {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    [part~='partial'],
    [part~='translation'] {
      color: GrayText;
    }

    [part~='level-bar'] {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;

import { css } from 'lit';

/** The shadow styles of `<scribe-transcript>`; every value can be overridden by a `--scribe-*` property. */
export const transcriptStyles = css`
  :host {
    display: block;
    font-family: var(--scribe-transcript-font-family, var(--scribe-font-family, inherit));
    color: var(--scribe-transcript-color, var(--scribe-color-text, inherit));
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }

  [part~='search-box'],
  [part~='downloads'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }

  [part~='search'] {
    font: inherit;
    min-inline-size: 10rem;
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  [part~='search-count'] {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    color: var(--scribe-transcript-muted-color, var(--scribe-color-muted, #5f6368));
  }

  [part~='transcript'] {
    max-block-size: var(--scribe-transcript-max-height, 24rem);
    overflow-y: auto;
    line-height: var(--scribe-transcript-line-height, 1.6);
    padding-inline: 0.25rem;
  }

  [part~='segment'] {
    margin-block: 0 var(--scribe-transcript-segment-gap, 0.75em);
    /* Off-screen paragraphs of a long transcript skip layout and paint but stay searchable. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3lh;
  }

  [part~='speaker'] {
    display: block;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--scribe-transcript-speaker-color, var(--scribe-color-muted, #5f6368));
  }

  [part~='word'] {
    cursor: pointer;
    border-radius: 0.2em;
  }

  [part~='word']:hover {
    text-decoration: underline;
  }

  [part~='word']:focus-visible {
    outline: 2px solid var(--scribe-transcript-focus-color, var(--scribe-color-focus, #0b57d0));
    outline-offset: 1px;
  }

  [part~='match'] {
    background: var(--scribe-transcript-match-color, var(--scribe-color-highlight, #cde5ff));
  }

  [part~='active-match'] {
    box-shadow: 0 0 0 2px var(--scribe-transcript-active-match-color, var(--scribe-color-focus, #0b57d0));
  }

  [part~='current'] {
    background: var(--scribe-transcript-highlight-color, var(--scribe-color-accent, #ffe27a));
    color: var(--scribe-transcript-highlight-text-color, inherit);
  }

  [part~='empty'] {
    color: var(--scribe-transcript-muted-color, var(--scribe-color-muted, #5f6368));
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
    [part~='current'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    [part~='match'] {
      outline: 1px dashed CanvasText;
    }

    [part~='active-match'] {
      outline: 2px solid CanvasText;
    }
  }
`;

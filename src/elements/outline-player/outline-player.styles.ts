import { css } from 'lit';

/** The shadow styles of `<scribe-outline-player>`; every value can be overridden by a `--scribe-*` property. */
export const outlinePlayerStyles = css`
  :host {
    display: var(--scribe-outline-player-display, block);
    font-family: var(--scribe-outline-player-font-family, var(--scribe-font-family, inherit));
    color: var(--scribe-outline-player-color, var(--scribe-color-text, inherit));
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  /* A slotted <audio> shows nothing but its native controls, which the element's own replace. */
  ::slotted(audio) {
    display: none !important;
  }

  [part~='controls'] {
    display: flex;
    align-items: center;
    gap: var(--scribe-outline-player-gap, var(--scribe-spacing, 0.75rem));
    margin-block-end: var(--scribe-outline-player-gap, var(--scribe-spacing, 0.75rem));
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  [part~='play-button'] {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--scribe-outline-player-accent-color, var(--scribe-color-accent, #0b57d0));
    color: var(--scribe-outline-player-accent-text-color, #fff);
  }

  [part~='play-button'] svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: currentColor;
  }

  [part~='progress'] {
    position: relative;
    flex: 1;
    display: flex;
    align-items: center;
    min-inline-size: 6rem;
    block-size: 1.5rem;
    cursor: pointer;
    touch-action: none;
    border-radius: var(--scribe-outline-player-radius, var(--scribe-radius, 0.5rem));
  }

  [part~='progress-track'] {
    position: relative;
    flex: 1;
    block-size: var(--scribe-outline-player-track-height, 0.375rem);
    border-radius: calc(var(--scribe-outline-player-track-height, 0.375rem) / 2);
    background: var(--scribe-outline-player-track-color, var(--scribe-color-border, #dadce0));
  }

  [part~='progress-fill'] {
    position: absolute;
    inset-block: 0;
    left: 0;
    border-radius: inherit;
    background: var(--scribe-outline-player-accent-color, var(--scribe-color-accent, #0b57d0));
  }

  [part~='chapter-mark'] {
    position: absolute;
    inset-block: -0.25rem;
    inline-size: var(--scribe-outline-player-mark-width, 2px);
    transform: translateX(-50%);
    background: var(--scribe-outline-player-mark-color, var(--scribe-color-text, #202124));
  }

  [part~='chapter-mark'][part~='low-confidence'] {
    background: var(--scribe-outline-player-low-confidence-color, var(--scribe-color-warning, #b06000));
  }

  [part~='time'] {
    flex: none;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    color: var(--scribe-outline-player-muted-color, var(--scribe-color-muted, #5f6368));
  }

  [part~='loading'] {
    margin: 0;
    color: var(--scribe-outline-player-muted-color, var(--scribe-color-muted, #5f6368));
  }

  [part~='error'] {
    margin: 0;
    color: var(--scribe-outline-player-error-color, var(--scribe-color-error, #b3261e));
  }

  [part~='chapters'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-block-size: var(--scribe-outline-player-max-height, 20rem);
    overflow-y: auto;
  }

  [part~='chapter-button'] {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 1rem;
    inline-size: 100%;
    padding: 0.375rem 0.5rem;
    border: 0;
    border-radius: var(--scribe-outline-player-radius, var(--scribe-radius, 0.5rem));
    background: none;
    text-align: start;
  }

  [part~='chapter-button']:hover {
    background: var(--scribe-outline-player-hover-color, rgb(0 0 0 / 6%));
  }

  [part~='chapter'][part~='current'] [part~='chapter-button'] {
    background: var(--scribe-outline-player-current-color, var(--scribe-color-highlight, #e8f0fe));
    color: var(--scribe-outline-player-current-text-color, inherit);
    font-weight: 600;
  }

  [part~='chapter-start'] {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--scribe-outline-player-muted-color, var(--scribe-color-muted, #5f6368));
  }

  [part~='low-confidence-marker'] {
    margin-inline-end: 0.125em;
    color: var(--scribe-outline-player-low-confidence-color, var(--scribe-color-warning, #b06000));
    font-weight: 700;
  }

  [part~='progress']:focus-visible,
  [part~='play-button']:focus-visible,
  [part~='chapter-button']:focus-visible {
    outline: 2px solid var(--scribe-outline-player-focus-color, var(--scribe-color-focus, #0b57d0));
    outline-offset: 2px;
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
    [part~='progress-track'] {
      border: 1px solid CanvasText;
    }

    [part~='progress-fill'],
    [part~='chapter-mark'] {
      forced-color-adjust: none;
      background: Highlight;
    }

    [part~='chapter-mark'] {
      background: CanvasText;
    }

    [part~='chapter'][part~='current'] [part~='chapter-button'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;

/** Anything with a playback position: `<audio>`, `<video>`, or a custom media element. */
export interface MediaLike {
  currentTime: number;
}

/**
The media element a media-following element should use, first match wins: an explicit `media`
property, an element in its `media` slot (or an `<audio>`/`<video>` inside one), then the element
whose id `htmlFor` names in the same root (`for="player"`).
*/
export function findMedia<T extends MediaLike>(
  host: Element,
  options: { media: T | null | undefined; htmlFor: string; isMedia: (element: Element | null) => element is Element & T },
): T | undefined {
  if (options.media !== undefined && options.media !== null) return options.media;
  for (const child of Array.from(host.children)) {
    if (child.slot !== 'media') continue;
    if (options.isMedia(child)) return child;
    const nested = child.querySelector('audio, video');
    if (options.isMedia(nested)) return nested;
  }
  if (options.htmlFor !== '') {
    const root = host.getRootNode() as Partial<NonElementParentNode>;
    const target = root.getElementById?.(options.htmlFor) ?? null;
    if (options.isMedia(target)) return target;
  }
  return undefined;
}

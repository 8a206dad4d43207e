/** The languages the elements ship strings for. */
export type ScribeLocale = 'en' | 'he';

/**
The locale an element should speak: the nearest `lang` attribute up its tree (crossing shadow
roots), else the document's, reduced to a shipped locale; English otherwise.
*/
export function resolveLocale(element: Element): ScribeLocale {
  let node: Node | null = element;
  while (node !== null) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLocale(node.getAttribute('lang') ?? '');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(element.ownerDocument?.documentElement?.lang ?? '');
}

function toLocale(lang: string): ScribeLocale {
  return lang.toLowerCase().split('-')[0] === 'he' ? 'he' : 'en';
}

/** A table of strings per shipped locale; functions take parameters. */
export type Strings<T> = Record<ScribeLocale, T>;

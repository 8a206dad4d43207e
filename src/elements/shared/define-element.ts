/**
Registers `tag` for `constructor` unless a definition already exists, so loading the package
twice (a bundle and a CDN script) does not throw. A different class under the same tag is left
in place with a console warning.
*/
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry === undefined) return;
  const existing = registry.get(tag);
  if (existing === undefined) registry.define(tag, constructor);
  else if (existing !== constructor) console.warn(`<${tag}> is already defined by another copy of scribekit; keeping that one.`);
}

// Generates dist/custom-elements.json from the elements' JSDoc (tags, attributes, events, parts,
// CSS properties). Internal reactive state (`_name`) is not public API, and events the analyzer
// infers from `dispatchEvent(new SomeEvent(detail))` without a name are dropped: each element's
// `@event` tags document them.
export default {
  globs: ['src/elements/*/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.strings.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      name: 'scribekit-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter(
                (attribute) => !attribute.name.startsWith('_'),
              );
            if (declaration.members)
              declaration.members = declaration.members.filter(
                (member) => !member.name.startsWith('_') && member.privacy !== 'private',
              );
            if (declaration.events)
              declaration.events = declaration.events.filter(
                (event) => event.name !== undefined && event.name !== '' && event.name !== 'detail',
              );
          }
        }
      },
    },
  ],
};

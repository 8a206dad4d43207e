import { providerCapabilities, providerIds, type ProviderCapabilities } from '../../core/index.js';

/**
The languages each provider transcribes, as the codes its `language` takes, for the language
picker of `<scribe-upload>`: the `languages` of core's capability table, for the providers that
publish a list. The picker shows each in the page's language through `Intl.DisplayNames`.
*/
export const providerLanguages: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  providerIds.flatMap((id) => {
    const { languages } = providerCapabilities[id];
    return languages === 'any' ? [] : [[id, languages]];
  }),
);

/** The languages offered for a provider without a list of its own (`'any'`, or not stated). */
export const fallbackLanguages: readonly string[] = 'en he ar de es fr it pt ru zh ja'.split(' ');

/**
The language codes to offer for a provider: its capabilities' `languages` when they are a list,
else its row of the capability table (by id), else {@link fallbackLanguages}.
*/
export function languageCodesFor(provider: {
  id: string;
  capabilities?: Pick<ProviderCapabilities, 'languages'>;
}): readonly string[] {
  const own = provider.capabilities?.languages;
  if (Array.isArray(own)) return own as readonly string[];
  if (own === undefined && Object.hasOwn(providerLanguages, provider.id))
    return providerLanguages[provider.id] ?? fallbackLanguages;
  return fallbackLanguages;
}

/**
A provider's languages with their names in `locale`, sorted by name. `provider` is a provider (its
`capabilities.languages` decide) or a provider id (its row of the capability table does).
`selected`, when given and not in the list (a `language` attribute set to something else), is put
first so it still shows.
*/
export function languagesFor(
  provider: string | { id: string; capabilities?: Pick<ProviderCapabilities, 'languages'> },
  locale: string,
  selected = '',
): { code: string; name: string }[] {
  const codes = languageCodesFor(typeof provider === 'string' ? { id: provider } : provider);
  const names = displayNames(locale);
  const nameOf = (code: string) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      // A `language` attribute that is not a language tag is shown as written.
      return code;
    }
  };
  const collator = new Intl.Collator(locale);
  const languages = codes
    .map((code) => ({ code, name: nameOf(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return selected === '' || codes.includes(selected)
    ? languages
    : [{ code: selected, name: nameOf(selected) }, ...languages];
}

function displayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    // Runtimes without Intl.DisplayNames show the codes.
    return undefined;
  }
}

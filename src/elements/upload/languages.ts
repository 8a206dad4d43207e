/**
The languages each provider transcribes, as ISO 639-1 codes, for the language picker of
`<scribe-upload>`. The picker shows each in the page's language through `Intl.DisplayNames`.
*/
export const providerLanguages: Readonly<Record<string, readonly string[]>> = {
  // The `languages` of the async model in GET https://api.soniox.com/v1/models (the OpenAPI example).
  soniox: (
    'af sq ar az eu be bn bs bg ca zh hr cs da nl en et fi fr gl de el gu he hi hu id it ja kn ' +
    'kk ko lv lt mk ms ml mr no fa pl pt pa ro ru sr sk sl es sw sv tl ta te th tr uk ur vi cy'
  ).split(' '),
};

/** The languages offered for a provider without a list of its own. */
export const fallbackLanguages: readonly string[] = 'en he ar de es fr it pt ru zh ja'.split(' ');

/**
`providerId`'s languages with their names in `locale`, sorted by name. `selected`, when given and
not in the list (a `language` attribute set to something else), is put first so it still shows.
*/
export function languagesFor(
  providerId: string,
  locale: string,
  selected = '',
): { code: string; name: string }[] {
  const codes = Object.hasOwn(providerLanguages, providerId)
    ? (providerLanguages[providerId] ?? [])
    : fallbackLanguages;
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

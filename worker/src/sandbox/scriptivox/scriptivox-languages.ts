/**
The 119 language codes Scriptivox accepts (reference/scriptivox.md §12, from its MCP server's copy
of the server's list). Some have three letters, and Javanese is `jw`, not ISO's `jv`.
*/
export const SCRIPTIVOX_LANGUAGES: ReadonlySet<string> = new Set(
  (
    'af sq am ar hy as ast az ba eu be bn bs br bg yue ca ceb ckb zh hr cs da nl en et fo fi fr ff gl ka de el gu ' +
    'ht ha haw he hi hu is ig id ga it ja jw kea kam kn kk km ko ky lo la lv ln lt lg luo lb mk mg ms ml mt mi mr ' +
    'mn my ne nso no ny nn oc or om ps fa pl pt pa ro ru sa sr sn sd si sk sl so es su sw sv tl tg ta tt te th bo ' +
    'tr tk uk umb ur uz vi cy wo xh yi yo zu'
  ).split(' '),
);

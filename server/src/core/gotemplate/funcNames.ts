/**
 * Every function name the real programs define, implemented here or not. A name outside these lists is a parse
 * error in Go's words (`function "x" not defined`); a listed name the engine lacks is an "unsupported function"
 * result when it runs. Checked against helm 3.17.3 (test/core/gotemplate/helm-differential.test.ts).
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Go text/template's predefined functions (funcs.go). */
export const GO_BUILTIN_NAMES = words(`
  and or not eq ne lt le gt ge index len print printf println html js urlquery call
`);

/** Sprig v3 TxtFuncMap (Masterminds/sprig functions.go), including env/expandenv that Helm removes. */
export const SPRIG_NAMES = words(`
  hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate
  htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim
  upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum
  randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains
  hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum
  toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub
  div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha
  default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson
  mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf
  kindIs deepEqual getHostByName base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec
  b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge
  mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend first mustFirst rest mustRest
  last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice
  mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA
  genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES
  decryptAES randBytes uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll
  mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral
  mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin env expandenv
`);

/** Helm's additions (pkg/engine/funcs.go); Helm deletes env and expandenv. mustToYaml/mustToToml are Helm 4. */
export const HELM_NAMES = new Set([
  ...GO_BUILTIN_NAMES,
  ...SPRIG_NAMES.filter((n) => n !== 'env' && n !== 'expandenv'),
  ...words(`
  toToml fromToml toYaml toYamlPretty fromYaml fromYamlArray fromJsonArray include tpl required lookup
  mustToYaml mustToToml
  `),
]);

/** Argo CD's ApplicationSet goTemplate map (applicationset/utils): Sprig minus env/expandenv/getHostByName, plus its own. */
export const APPLICATIONSET_NAMES = new Set([
  ...GO_BUILTIN_NAMES,
  ...SPRIG_NAMES.filter((n) => !['env', 'expandenv', 'getHostByName'].includes(n)),
  ...words('normalize slugify toYaml fromYaml fromYamlArray'),
]);

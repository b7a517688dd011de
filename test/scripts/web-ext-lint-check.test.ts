// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { judgeLint, type LintMessage } from '../../scripts/web-ext-lint-check';

// Minified lines as the Firefox build has them (zod's eval probe; Preact's dangerouslySetInnerHTML path).
const ZOD_PROBE =
  'var le=p(()=>{if(C.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});';
const PREACT =
  'd==`dangerouslySetInnerHTML`?f=h:d==`value`?g=h:0;f?(s||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):0';
const OUR_EVAL = 'const run=(code)=>Function(code)();';
const FILES: Record<string, string> = {
  'background.js': ZOD_PROBE,
  'chunks/call.js': PREACT,
  'chunks/ours.js': OUR_EVAL,
};

const at = (code: string, file: string, needle: string): LintMessage => ({
  code,
  message: code,
  file,
  line: 1,
  column: FILES[file]!.indexOf(needle),
});
const readLine = (file: string) => FILES[file];

describe('judgeLint (web-ext lint on the Firefox build)', () => {
  it('passes the allowed warnings, each with its reason', () => {
    const v = judgeLint(
      {
        errors: [],
        warnings: [
          at('DANGEROUS_EVAL', 'background.js', 'Function('),
          at('UNSAFE_VAR_ASSIGNMENT', 'chunks/call.js', 'e.innerHTML=f'),
        ],
        notices: [],
      },
      readLine,
    );
    expect(v.ok).toBe(true);
    expect(v.allowed.join('\n')).toMatch(/zod[\s\S]*Preact/);
  });

  it('fails a new warning, even an allowed code in code of our own', () => {
    const v = judgeLint(
      { errors: [], warnings: [at('DANGEROUS_EVAL', 'chunks/ours.js', 'Function(')], notices: [] },
      readLine,
    );
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatch(/DANGEROUS_EVAL at chunks\/ours\.js:1:/);
  });

  it('fails any error, and a warning or notice with no code to look at', () => {
    const v = judgeLint(
      {
        errors: [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad field', file: 'manifest.json' }],
        warnings: [
          { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'min version', file: 'manifest.json' },
        ],
        notices: [{ code: 'SOMETHING_NEW', message: 'new' }],
      },
      readLine,
    );
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(3);
  });
});

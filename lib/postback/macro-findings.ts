/** Messages and fixes for the classification ladder of `{name}` tokens (spec §3.4). */

import type { Classification } from './classify';
import { isFilledFor, type PixelType } from './macros';
import type { Edit, Reporter } from './report';
import type { TokenSyntax } from './scan';
import type { Token } from './token';

const SYNTAX_LABEL: Record<string, string> = {
  cake: 'CAKE syntax; a # also cuts off the rest of the URL',
  double_braces: 'double-brace template syntax',
  brackets: 'ad-server [MACRO] syntax',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal syntax name
  dollar: '${…} syntax (PropellerAds, Branch)',
  percent: '%%…%% syntax, and %% is broken percent-encoding',
  cpvlab: 'CPV Lab syntax',
};

// Names Everflow does not list but users often mean something listed by (spec §3.7 question 2).
const UNKNOWN_HINTS: Record<string, string> = {
  payout: '{payout_amount}',
  revenue: '{payout_amount}',
  amount: '{sale_amount}',
  currency: '{offer_currency}',
};

/** How a foreign syntax is described in messages. */
export function syntaxLabel(syntax: TokenSyntax): string {
  return SYNTAX_LABEL[syntax] ?? "another platform's syntax";
}

/** Report the ladder rule for a classified `{name}` token and record it on the token. */
export function reportLadder(
  r: Reporter,
  pixelType: PixelType | 'post_conversion' | undefined,
  tok: Token,
  c: Classification,
  placeholderFix?: Edit,
): void {
  const { start, end, text, name } = tok;
  switch (c.kind) {
    case 'exact':
      if (pixelType && c.macro && !isFilledFor(c.macro, pixelType)) {
        tok.rule = 'macro.not_for_pixel_type';
        r.add(
          tok.rule,
          start,
          end,
          `Everflow does not fill ${text} in ${pixelType} postbacks; it will be empty there.`,
        );
      }
      return;
    case 'wrong_context':
      tok.rule = 'macro.wrong_context';
      r.add(
        tok.rule,
        start,
        end,
        `${text} is only filled in ${name === 'adv_event_id' ? 'advertiser postbacks' : 'landing pages'}, not in partner postbacks; remove it.`,
      );
      return;
    case 'template_placeholder':
      tok.rule = 'value.template_placeholder';
      r.add(
        tok.rule,
        start,
        end,
        `"${text}" is a template placeholder; replace it with an Everflow macro or delete the parameter.`,
        placeholderFix,
        'Replace or remove placeholders',
      );
      return;
    case 'case_mismatch':
      tok.rule = 'macro.case_mismatch';
      r.add(
        tok.rule,
        start,
        end,
        `Everflow macros are lower-case: write ${c.suggestion}.`,
        { start, end, text: c.suggestion! },
        `Use ${c.suggestion}`,
      );
      return;
    case 'slot_out_of_range':
      tok.rule = 'macro.slot_out_of_range';
      r.add(tok.rule, start, end, `Everflow has sub1–sub10 and adv1–adv10; ${text} does not exist.`);
      return;
    case 'foreign_platform': {
      tok.rule = 'macro.foreign_platform';
      const message =
        c.platform === 'tracker'
          ? `${text} is your tracker's own token; send back the sub slot you passed it in, e.g. {sub1}.`
          : c.suggestion
            ? `${text} is an ${c.platform} macro; in Everflow use ${c.suggestion}.`
            : `${text} is a ${c.platform} macro; in Everflow use the sub slot you passed your click id in, e.g. {sub1}.`;
      r.add(
        tok.rule,
        start,
        end,
        message,
        c.suggestion ? { start, end, text: c.suggestion } : undefined,
        `Use ${c.suggestion}`,
      );
      return;
    }
    case 'typo':
      tok.rule = 'macro.typo';
      r.add(
        tok.rule,
        start,
        end,
        `Unknown macro ${text}; did you mean ${c.suggestion}?`,
        { start, end, text: c.suggestion! },
        `Use ${c.suggestion}`,
      );
      return;
    case 'empty':
      tok.rule = 'macro.empty';
      r.add(tok.rule, start, end, 'Empty macro {}; put a macro name inside, e.g. {sub1}, or remove it.');
      return;
    default: {
      tok.rule = 'macro.unknown';
      const hint = UNKNOWN_HINTS[name.toLowerCase()];
      const what = c.macro
        ? `${text} appears in Everflow material but is not confirmed for partner postbacks`
        : `Everflow does not list ${text}`;
      const message = `${what}; it may be sent literally.${hint ? ` Did you mean ${hint}?` : ''}`;
      r.add(tok.rule, start, end, message, hint ? { start, end, text: hint } : undefined, `Use ${hint}`);
    }
  }
}

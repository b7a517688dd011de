// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkPostbackUrl } from '../../../lib/postback/check';
import { RULE_IDS, RULES, type RuleId } from '../../../lib/postback/rules';

/** For each rule: inputs that must trigger it, and near misses that must not. */
interface RuleCase {
  hits: string[];
  misses: string[];
  options?: CheckOptions;
}

const B = 'https://trk.example.com/pb?cid={sub1}';
const V = 'https://abc.voluumtrk.com/postback';
const PAD = `${B}&pad=`;
/** A valid URL of exactly n characters. */
const long = (n: number) => PAD + 'a'.repeat(n - PAD.length);

const TABLE: Record<RuleId, RuleCase> = {
  'input.empty': { hits: ['', '   \n\t'], misses: [B, ' x '] },
  'input.trimmed': { hits: [`  ${B}`, `${B}\n`, `\uFEFF${B}`], misses: [B] },
  'input.html_markup': {
    hits: [`<img src="${B}" width="1" height="1">`, '<script src="https://x.io/a.js"></script>'],
    misses: [`${B}&x=<b>`],
  },
  'input.multiple_urls': {
    hits: [`${B} ${B}`, `${B}\nhttps://other.example.com/pb?cid={sub2}`, `${B}${B}`],
    misses: [`${B}&next=https://other.example.com/`, `${B}&x=ahttp`],
  },
  'url.scheme_missing': {
    hits: [
      'trk.example.com/pb?cid={sub1}',
      '//trk.example.com/pb?cid={sub1}',
      'http//trk.example.com/pb',
      'localhost:8080/pb',
    ],
    misses: [B, 'HTTPS://trk.example.com/pb?cid={sub1}'],
  },
  'url.scheme_unsupported': {
    hits: [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://a.example.com/x',
      'file:///etc/passwd',
      'mailto:a@b.com',
      'htps://trk.example.com/pb',
    ],
    misses: [B, 'http://trk.example.com/pb?cid={sub1}'],
  },
  'url.invalid': {
    hits: [
      'https:/trk.example.com/pb?cid={sub1}',
      'https:///pb?cid={sub1}',
      'https://trk.example.com:99999/pb?cid={sub1}',
      'https://trk.example.com:0/pb?cid={sub1}',
      'https://trk example.com/pb?cid={sub1}',
      'https://user@/pb?cid={sub1}',
      'https://[::1/pb?cid={sub1}',
      'https://1.2.3.999/pb?cid={sub1}',
    ],
    misses: [B, 'https://trk.example.com:8443/pb?cid={sub1}', 'https://[2606:4700::1]/pb?cid={sub1}'],
  },
  'url.whitespace': {
    hits: [
      `${B}&x=a b`,
      `${B}&x=a\tb`,
      `https://trk.example.com/pb?cid={sub1}&\npayout=1`,
      `${B}&x=a\u00A0b`,
    ],
    misses: [`${B}&x=a%20b`, `${B}&x=a+b`],
  },
  'url.invisible_chars': {
    hits: [
      `${B}\u200B&x=1`,
      `${B}&x=\u202Eabc`,
      `${B}&x=a\u2060b`,
      `https://trk.exa\u200Bmple.com/pb?cid={sub1}`,
    ],
    misses: [B, `${B}&x=%E2%80%8B`],
  },
  'url.insecure_http': { hits: ['http://trk.example.com/pb?cid={sub1}'], misses: [B] },
  'url.fragment': { hits: [`${B}#top`, `${B}#`], misses: [B, `${B}&s=#s2#`] },
  'url.userinfo': {
    hits: [
      'https://user:pass@trk.example.com/pb?cid={sub1}',
      'https://google.com@evil.example.com/pb?cid={sub1}',
    ],
    misses: [`${B}&email=a@b.com`],
  },
  'url.too_long': { hits: [long(2049), `  ${long(2049)}`], misses: [long(2048), `  ${long(2048)}  `] },
  'url.non_ascii': { hits: [`${B}&city=Zürich`, `${B}&q=“x”`], misses: [`${B}&city=Z%C3%BCrich`] },
  'url.double_encoded': { hits: [`${B}&x=a%2520b`, `${B}&u=%253A`], misses: [`${B}&x=a%20b`, `${B}&x=%25`] },
  'url.unsafe_chars': {
    hits: [
      `${B}&x=a|b`,
      `${B}&x="a"`,
      'https://trk.example.com/a\\b?cid={sub1}',
      `${B}&x=a^b`,
      `${B}&x=\`a\``,
    ],
    misses: [`${B}&x=a%7Cb`, `${B}#a|b`],
  },
  'url.port_nonstandard': {
    hits: ['https://trk.example.com:8443/pb?cid={sub1}'],
    misses: [B, 'https://trk.example.com:443/pb?cid={sub1}', 'http://trk.example.com:80/pb?cid={sub1}'],
  },
  'url.secret_in_query': {
    hits: [`${B}&api_key=abc123`, `${B}&password=hunter2`, `${B}&access_token=EAAB`],
    misses: [`${B}&api_key={sub2}`, `${B}&key=1`],
  },
  'host.local_or_private': {
    hits: [
      'https://localhost/pb?cid={sub1}',
      'https://trk.localhost/pb?cid={sub1}',
      'https://127.0.0.1/pb?cid={sub1}',
      'https://10.1.2.3/pb?cid={sub1}',
      'https://172.16.0.1/pb?cid={sub1}',
      'https://192.168.1.10/pb?cid={sub1}',
      'http://169.254.169.254/latest/meta-data?cid={sub1}',
      'https://0.0.0.0/pb?cid={sub1}',
      'https://[::1]/pb?cid={sub1}',
      'https://[::]/pb?cid={sub1}',
      'https://[fd12:3456::1]/pb?cid={sub1}',
      'https://[fe80::1]/pb?cid={sub1}',
      'https://[::ffff:127.0.0.1]/pb?cid={sub1}',
      'https://2130706433/pb?cid={sub1}',
      'https://0x7f.1/pb?cid={sub1}',
      'https://metadata.google.internal/pb?cid={sub1}',
    ],
    misses: [B, 'https://172.32.0.1/pb?cid={sub1}', 'https://localhost.example.com/pb?cid={sub1}'],
  },
  'host.invalid_label': {
    hits: [
      'https://trk..example.com/pb?cid={sub1}',
      'https://-trk.example.com/pb?cid={sub1}',
      'https://trk$.example.com/pb?cid={sub1}',
      'https://<VOLUUM_TRACKING_DOMAIN>/postback?cid={sub1}',
      `https://${'a'.repeat(64)}.example.com/pb?cid={sub1}`,
    ],
    misses: [B, 'https://my_trk.example.com/pb?cid={sub1}', 'https://trk.example.com./pb?cid={sub1}'],
  },
  'host.ip_literal': {
    hits: [
      'https://8.8.8.8/pb?cid={sub1}',
      'https://192.0.2.10/pb?cid={sub1}',
      'https://[2001:db8::1]/pb?cid={sub1}',
    ],
    misses: [B, 'https://127.0.0.1/pb?cid={sub1}'],
  },
  'host.idn': {
    hits: ['https://münchen.example/pb?cid={sub1}'],
    misses: ['https://xn--mnchen-3ya.example/pb?cid={sub1}'],
  },
  'host.no_tld': {
    hits: ['https://tracker/pb?cid={sub1}', 'https://DOMAIN/pb?cid={sub1}'],
    misses: [B, 'https://localhost/pb?cid={sub1}', 'https://tracker.io./pb?cid={sub1}'],
  },
  'query.missing_question_mark': {
    hits: ['https://trk.example.com/pb&cid={sub1}&x=1', 'https://trk.example.com/pb/cid={sub1}&x=1'],
    misses: [`${B}&x=1`, 'https://trk.example.com/a&b/pb?cid={sub1}'],
  },
  'query.extra_question_mark': {
    hits: [`${B}?x=1`, `${B}&r=https://a.example.com/?x=1`],
    misses: [`${B}&x=%3F`],
  },
  'query.html_entity': { hits: [`${B}&amp;x=1`, `${B}&AMP;x=1`], misses: [`${B}&ampx=1`, `${B}&x=1`] },
  'query.empty_segment': {
    hits: [
      `${B}&&x=1`,
      `${B}&`,
      'https://trk.example.com/pb?&cid={sub1}',
      'https://trk.example.com/pb/{sub1}?',
    ],
    misses: [`${B}&x=1`],
  },
  'param.duplicate': { hits: [`${B}&x=1&x=2`, `${B}&cid={sub2}`], misses: [`${B}&x=1&X=2`, `${B}&x=1&y=1`] },
  'param.empty_key': { hits: [`${B}&=5`], misses: [`${B}&a=5`, `${B}&&a=5`] },
  'payout.sale_amount_as_payout': {
    hits: [
      `${B}&payout={sale_amount}`,
      `${B}&revenue={sale_amount}`,
      `${B}&sum={sale_amount}`,
      `${B}&Profit={sale_amount}`,
    ],
    misses: [`${B}&amount={sale_amount}`, `${B}&payout={payout_amount}`],
  },
  'payout.static': {
    hits: [`${B}&payout=1.50`, `${B}&rev=3`],
    misses: [`${B}&payout={payout_amount}`, `${B}&amount=3`],
  },
  'macro.unbalanced_braces': {
    hits: ['https://trk.example.com/pb?cid={sub1', 'https://trk.example.com/pb?cid=sub1}', `${B}&x={{sub2}`],
    misses: [B, `${B}&x={{sub2}}`],
  },
  'macro.empty': { hits: [`${B}&x={}`], misses: [`${B}&x={sub2}`] },
  'macro.foreign_syntax': {
    hits: [
      'https://trk.example.com/pb?cid=#s2#',
      'https://trk.example.com/pb?cid={{clickid}}',
      'https://trk.example.com/pb?cid=[clickid]',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: PropellerAds' literal macro syntax
      'https://trk.example.com/pb?cid=${SUBID}',
      'https://trk.example.com/pb?cid=%%CLICK_ID%%',
      'https://trk.example.com/pb?cid={!subid!}',
    ],
    misses: [B, `${B}&data[clickid]=1`],
  },
  'macro.encoded_braces': {
    hits: [
      'https://trk.example.com/pb?cid=%7Bsub1%7D',
      'https://trk.example.com/pb?cid=%257Bsub1%257D',
      'https://trk.example.com/pb?cid={sub1%7D',
    ],
    misses: [B, `${B}&json=%7B%22a%22%3A1%7D`],
  },
  'macro.missing_braces': {
    hits: ['https://trk.example.com/pb?tid=transaction_id', 'https://trk.example.com/pb?s=SUB1'],
    misses: [`${B}&status=sale`, `${B}&tid={transaction_id}`],
  },
  'macro.case_mismatch': {
    hits: ['https://trk.example.com/pb?cid={Sub1}', 'https://trk.example.com/pb?cid={TRANSACTION_ID}'],
    misses: [B],
  },
  'macro.slot_out_of_range': {
    hits: ['https://trk.example.com/pb?cid={sub11}', `${B}&a={adv0}`, `${B}&a={SUB12}`],
    misses: [`${B}&a={sub10}&b={adv10}`],
  },
  'macro.foreign_platform': {
    hits: [
      `${B}&a={aff_sub}`,
      'https://trk.example.com/pb?cid={clickid}',
      `${B}&a={SubId1}`,
      `${B}&p={Payout}`,
    ],
    misses: [`${B}&p={payout}`, `${B}&a={sub2}`],
  },
  'macro.typo': {
    hits: [`${B}&t={transactionid}`, `${B}&p={payoutamount}`, `${B}&a={sub_2}`, `${B}&t={trasaction_id}`],
    misses: [`${B}&p={payout}`, `${B}&p={revenue}`, `${B}&t={transaction_id}`],
  },
  'macro.unknown': {
    hits: [`${B}&p={payout}`, `${B}&r={revenue}`, `${B}&f={foo}`],
    misses: [`${B}&p={payout_amount}`],
  },
  'macro.wrong_context': {
    hits: [`${B}&e={adv_event_id}`, `${B}&u={unique_click}`, `${B}&i={impression_tracking_id}`],
    misses: [`${B}&e={event_id}`],
  },
  'macro.not_for_pixel_type': {
    hits: [`${B}&e={event_name}`, `${B}&amount={sale_amount}`],
    misses: [`${B}&payout={payout_amount}`],
    options: { pixelType: 'cpc' },
  },
  'macro.in_host': {
    hits: [
      'https://{sub2}.example.com/pb?cid={sub1}',
      'https://trk.example.com:{port}/pb?cid={sub1}',
      'https://{u}@trk.example.com/pb?cid={sub1}',
    ],
    misses: [B],
  },
  'macro.in_fragment': { hits: [`${B}#x={sub2}`, `${B}#{{sub2}}`], misses: [`${B}#top`] },
  'macro.in_key': { hits: [`${B}&{sub2}=1`, `${B}&x_{sub2}=1`], misses: [`${B}&x={sub2}`] },
  'macro.in_path': {
    hits: ['https://trk.example.com/pb/{sub1}', 'https://trk.example.com/{sub1}/pb'],
    misses: [B],
  },
  'value.template_placeholder': {
    hits: [
      'https://trk.example.com/pb?cid=REPLACE',
      `${B}&payout=OPTIONAL`,
      'https://trk.example.com/pb?cid={replace_me}',
      `${B}&nid=YOUR_NID`,
      `${B}&name=<EVENT_NAME>`,
      `${B}&x=insert_here`,
    ],
    misses: [`${B}&status=replaced`, `${B}&x=your`],
  },
  'value.wrapped_macro': {
    hits: [
      'https://trk.example.com/pb?cid="{sub1}"',
      "https://trk.example.com/pb?cid='{sub1}'",
      'https://trk.example.com/pb?cid=“{sub1}”',
      'https://trk.example.com/pb?cid=({sub1})',
      'https://trk.example.com/pb?cid=%22{sub1}%22',
    ],
    misses: [`${B}&q="plain"`, `${B}&q=a"{sub2}"`],
  },
  'clickid.missing': {
    hits: [
      'https://trk.example.com/pb?payout={payout_amount}',
      'https://trk.example.com/pb',
      `https://trk.example.com/pb?x={foo}`,
    ],
    misses: [B, 'https://trk.example.com/pb/{source_id}', 'https://trk.example.com/pb?cid={clickid}'],
  },
  'clickid.empty': {
    hits: [
      'https://trk.example.com/pb?cid=&payout={payout_amount}',
      'https://trk.example.com/pb?clickid',
      `${V}?cid=`,
    ],
    misses: [B, `${B}&click=`],
  },
  'clickid.static': {
    hits: [`${V}?cid=12345`, `https://trk.example.com/postback?cid=abc`],
    misses: [
      `${V}?cid={sub1}`,
      'https://trk.example.com/postback?cid=REPLACE',
      'https://trk.example.com/postback?cid=sub1',
    ],
    options: { tracker: 'voluum' },
  },
  'clickid.only_transaction_id': {
    hits: ['https://trk.example.com/pb?tx={transaction_id}'],
    misses: [
      `${V}?cid={sub1}&txid={transaction_id}`,
      `${B}&tx={transaction_id}`,
      'https://net.go2cloud.org/aff_lsr?transaction_id={transaction_id}',
    ],
  },
  'tracker.required_param_missing': {
    hits: [
      `${V}?clickid={sub1}`,
      'https://trc.taboola.com/actions-handler/log/3/s2s-action?click-id={sub1}',
      'https://x.rdtk.io/postback?cid={sub1}',
    ],
    misses: [
      `${V}?cid={sub1}`,
      'https://trc.taboola.com/actions-handler/log/3/s2s-action?click-id={sub1}&name=lead',
    ],
  },
  'tracker.clickid_uses_transaction_id': {
    hits: [
      `${V}?cid={transaction_id}`,
      'https://net.go2cloud.org/aff_lsr?offer_id=1&transaction_id={transaction_id}',
    ],
    misses: [`${V}?cid={sub1}&txid={transaction_id}`],
  },
  'tracker.event_param_missing': {
    hits: [`${V}?cid={sub1}`, `${V}?cid={sub1}&et=`, 'https://x.rdtk.io/postback?clickid={sub1}'],
    misses: [`${V}?cid={sub1}&et={event_name}`, B, 'https://k.example.com/AbC12x/postback?subid={sub1}'],
    options: { pixelType: 'event' },
  },
  'everflow.transaction_id_param_missing': {
    hits: ['https://partner.example.com/?nid=123&sub1={sub1}'],
    misses: ['https://partner.example.com/?nid=123&transaction_id={sub1}', `${B}&n=123`],
  },
  'target.post_only': {
    hits: ['https://graph.facebook.com/v19.0/1234567890/events?cid={sub1}'],
    misses: [
      'https://graph.facebook.com/v19.0/1234567890?cid={sub1}',
      'https://example.com/events?cid={sub1}',
    ],
  },
};

function rulesOf(input: string, options?: CheckOptions) {
  const r = checkPostbackUrl(input, options);
  return [...r.errors, ...r.warnings, ...r.info];
}

describe('rule table', () => {
  it('covers every rule of the catalogue', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...RULE_IDS].sort());
  });

  for (const [rule, c] of Object.entries(TABLE) as [RuleId, RuleCase][]) {
    describe(rule, () => {
      it.each(c.hits)('triggers on %j', (input) => {
        const found = rulesOf(input, c.options).filter((f) => f.rule === rule);
        expect(found).toHaveLength(1);
        expect(found[0]!.severity).toBe(RULES[rule].severity);
      });
      it.each(c.misses)('stays silent on %j', (input) => {
        expect(rulesOf(input, c.options).map((f) => f.rule)).not.toContain(rule);
      });
    });
  }
});

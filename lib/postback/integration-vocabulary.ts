/**
 * What the Meta, TikTok and Snapchat integration forms can offer (issue 15.5): each platform's standard event
 * names, its action-source values and its documented user-data and custom-data keys. Facts from each platform's
 * public conversions-API documentation, summarised in our words; the forms offer these and still accept anything
 * typed (custom events, keys a platform adds later). Pure data, no project imports.
 *
 * The wire format is Everflow's: rows are `{ field, value }`. Everflow's own example rows use "email" (Meta and
 * Snapchat user_data) and "price" (TikTok properties); which names Everflow maps beyond those is not documented,
 * so the platforms' keys are offered and the value typed is sent unchanged.
 */

/** A platform whose integration object Everflow can fire. */
export type AdPlatform = 'facebook' | 'tiktok' | 'snapchat';

/** One name a form can offer, with a short description. */
export interface Term {
  /** Exactly as the platform spells it (case matters to all three platforms). */
  name: string;
  description: string;
}

/** A user-data or custom-data key. */
export interface KeyTerm extends Term {
  /** The platform wants the value normalised and SHA-256 hashed (Everflow's macros give raw values). */
  hashed?: boolean;
}

/** Everything one platform documents for the forms. */
export interface PlatformVocabulary {
  platform: AdPlatform;
  /** Display name, e.g. "Meta". */
  name: string;
  /** Standard events; a custom event name is allowed too. */
  events: readonly Term[];
  /** Values of `action_source` (empty when the object has no such field: TikTok). */
  actionSources: readonly Term[];
  /** Keys of `user_data` rows (TikTok has none: its object has `email` and `phone` fields instead). */
  userDataKeys: readonly KeyTerm[];
  /** Keys of `custom_data` rows (TikTok: of `properties` rows). */
  customDataKeys: readonly KeyTerm[];
  /** Where the names come from. */
  source: string;
}

const t = (name: string, description: string): Term => ({ name, description });
const h = (name: string, description: string): KeyTerm => ({ name, description, hashed: true });

// Customer-information keys Meta and Snapchat share (Snapchat's v3 API follows Meta's naming).
const SHARED_HASHED_USER_KEYS: readonly KeyTerm[] = [
  h('em', 'email address (Everflow\'s example row calls it "email")'),
  h('ph', 'phone number with country code, digits only'),
  h('fn', 'first name'),
  h('ln', 'last name'),
  h('ge', 'gender: f or m'),
  h('db', 'date of birth, YYYYMMDD'),
  h('ct', 'city'),
  h('st', 'state or region code'),
  h('zp', 'postal code'),
  h('country', 'two-letter country code'),
  h('external_id', 'your own id for the user (hashing recommended)'),
];

const META: PlatformVocabulary = {
  platform: 'facebook',
  name: 'Meta',
  events: [
    t('Purchase', 'a purchase was completed'),
    t('Lead', 'someone became a lead (form sent, trial signed up)'),
    t('CompleteRegistration', 'a registration form was completed'),
    t('AddToCart', 'an item went into the cart'),
    t('InitiateCheckout', 'checkout started'),
    t('AddPaymentInfo', 'payment details were added'),
    t('Subscribe', 'a paid subscription started'),
    t('StartTrial', 'a free trial started'),
    t('SubmitApplication', 'an application was sent'),
    t('Contact', 'someone contacted the business'),
    t('Schedule', 'an appointment was booked'),
    t('ViewContent', 'a key page was viewed'),
    t('Search', 'a search was made'),
    t('AddToWishlist', 'an item went onto a wishlist'),
    t('CustomizeProduct', 'a product was customised'),
    t('Donate', 'a donation was made'),
    t('FindLocation', 'a store location was looked up'),
    t('PageView', 'a page was viewed'),
  ],
  actionSources: [
    t('website', 'on a website'),
    t('app', 'in a mobile app'),
    t('email', 'over email'),
    t('phone_call', 'over the phone'),
    t('chat', 'in a messaging app, SMS or online chat'),
    t('physical_store', 'in person, in a shop'),
    t('system_generated', 'automatically, e.g. a subscription renewal'),
    t('business_messaging', 'from an ad that opens a business chat'),
    t('other', 'any other way'),
  ],
  userDataKeys: [
    ...SHARED_HASHED_USER_KEYS,
    t('client_ip_address', "the visitor's IP address (not hashed)"),
    t('client_user_agent', "the visitor's browser user agent (not hashed)"),
    t('fbc', 'the Meta click id cookie, fb.1.<time>.<fbclid> (not hashed)'),
    t('fbp', 'the Meta browser id cookie (not hashed)'),
    t('subscription_id', 'the subscription id of this transaction'),
    t('lead_id', 'the id of a lead from Meta lead ads'),
    t('fb_login_id', 'the app-scoped id from Facebook Login'),
    t('anon_id', 'an app install id'),
    t('madid', 'the mobile advertiser id (IDFA or Android ad id)'),
    t('page_id', 'the Facebook page id for business messaging'),
    t('page_scoped_user_id', 'the page-scoped user id for business messaging'),
    t('ctwa_clid', 'the click id of a click-to-WhatsApp ad'),
  ],
  customDataKeys: [
    t('value', 'the monetary value of the event (Purchase requires it)'),
    t('currency', 'three-letter currency code (Purchase requires it)'),
    t('content_name', 'the product or page name'),
    t('content_category', 'the product or page category'),
    t('content_ids', 'product ids, e.g. SKUs'),
    t('content_type', 'product or product_group'),
    t('contents', 'a list of products with id and quantity'),
    t('order_id', 'the order or transaction id'),
    t('num_items', 'the number of items (InitiateCheckout)'),
    t('predicted_ltv', 'the predicted lifetime value of the customer'),
    t('search_string', 'the text searched for (Search)'),
    t('status', 'a registration or subscription status'),
    t('delivery_category', 'in_store, curbside or home_delivery'),
  ],
  source: 'Meta Conversions API: standard events, server event and customer information parameters',
};

const TIKTOK: PlatformVocabulary = {
  platform: 'tiktok',
  name: 'TikTok',
  events: [
    t('CompletePayment', 'a payment was made (ordering and paying in one step)'),
    t('PlaceAnOrder', 'an order was placed (paid later)'),
    t('SubmitForm', 'a form was sent'),
    t('CompleteRegistration', 'a sign-up was completed'),
    t('Subscribe', 'a subscription started'),
    t('AddToCart', 'an item went into the cart'),
    t('InitiateCheckout', 'checkout started'),
    t('AddPaymentInfo', 'payment details were added'),
    t('AddToWishlist', 'an item went onto a wishlist'),
    t('ApplicationApproval', 'an application was approved'),
    t('SubmitApplication', 'an application was sent'),
    t('ClickButton', 'an important button was clicked'),
    t('Contact', 'someone contacted the business'),
    t('CustomizeProduct', 'a product was customised'),
    t('Download', 'something was downloaded'),
    t('FindLocation', 'a location was looked up'),
    t('Schedule', 'an appointment was booked'),
    t('Search', 'a search was made'),
    t('ViewContent', 'a key page was viewed'),
  ],
  actionSources: [],
  userDataKeys: [],
  customDataKeys: [
    t('value', 'the monetary value of the event'),
    t('currency', 'three-letter currency code'),
    t('price', "the price of one item (Everflow's example row)"),
    t('quantity', 'the number of items'),
    t('content_id', 'the product id'),
    t('content_type', 'product or product_group'),
    t('content_name', 'the product or page name'),
    t('content_category', 'the product category'),
    t('contents', 'a list of products'),
    t('description', 'a description of the item or event'),
    t('query', 'the text searched for'),
    t('order_id', 'the order id'),
    t('shop_id', 'the shop id'),
  ],
  source: 'TikTok for Business: supported standard events and their parameters (Events API and Pixel)',
};

const SNAPCHAT: PlatformVocabulary = {
  platform: 'snapchat',
  name: 'Snapchat',
  events: [
    t('PURCHASE', 'a purchase was completed'),
    t('SIGN_UP', 'a sign-up was completed'),
    t('START_CHECKOUT', 'checkout started'),
    t('ADD_CART', 'an item went into the cart'),
    t('ADD_BILLING', 'payment details were added'),
    t('SUBSCRIBE', 'a subscription started'),
    t('START_TRIAL', 'a free trial started'),
    t('VIEW_CONTENT', 'a key page was viewed'),
    t('PAGE_VIEW', 'a page was viewed'),
    t('SEARCH', 'a search was made'),
    t('SAVE', 'something was saved'),
    t('ADD_TO_WISHLIST', 'an item went onto a wishlist'),
    t('LOGIN', 'someone logged in'),
    t('RESERVE', 'a reservation was made'),
    t('SHARE', 'something was shared'),
    t('INVITE', 'someone was invited'),
    t('AD_CLICK', 'an ad was clicked'),
    t('AD_VIEW', 'an ad was viewed'),
    t('LIST_VIEW', 'a list of items was viewed'),
    t('RATE', 'something was rated'),
    t('COMPLETE_TUTORIAL', 'a tutorial was completed'),
    t('LEVEL_COMPLETE', 'a game level was completed'),
    t('ACHIEVEMENT_UNLOCKED', 'an achievement was unlocked'),
    t('CUSTOM_EVENT_1', 'your own event 1 (also 2 to 5)'),
  ],
  actionSources: [
    t('WEB', 'on a website'),
    t('MOBILE_APP', 'in a mobile app'),
    t('OFFLINE', 'offline, e.g. in a shop'),
  ],
  userDataKeys: [
    ...SHARED_HASHED_USER_KEYS,
    t('client_ip_address', "the visitor's IP address (not hashed)"),
    t('client_user_agent', "the visitor's browser user agent (not hashed)"),
    t('sc_click_id', 'the Snapchat click id, ScCid (not hashed)'),
    t('sc_cookie1', 'the Snap pixel cookie _scid (not hashed)'),
    t('madid', 'the mobile advertiser id'),
    t('idfv', 'the iOS vendor id'),
  ],
  customDataKeys: [
    t('value', 'the monetary value of the event'),
    t('currency', 'three-letter currency code'),
    t('order_id', 'the order or transaction id'),
    t('content_ids', 'product ids'),
    t('content_category', 'the product category'),
    t('content_name', 'the product or page name'),
    t('contents', 'a list of products with id and quantity'),
    t('num_items', 'the number of items'),
    t('search_string', 'the text searched for'),
    t('sign_up_method', 'how the user signed up'),
    t('predicted_ltv', 'the predicted lifetime value of the customer'),
    t('brands', 'product brands'),
  ],
  source: 'Snap Conversions API v3: event names, action sources, user_data and custom_data parameters',
};

/** Every platform's vocabulary. */
export const INTEGRATION_VOCABULARY: Readonly<Record<AdPlatform, PlatformVocabulary>> = {
  facebook: META,
  tiktok: TIKTOK,
  snapchat: SNAPCHAT,
};

/** Whether `name` is one of the platform's standard events (exact spelling: the platforms are case-sensitive). */
export function isStandardEvent(platform: AdPlatform, name: string): boolean {
  return INTEGRATION_VOCABULARY[platform].events.some((e) => e.name === name);
}

/**
 * The standard event a mistyped name most likely means ("purchase" → "Purchase" on Meta, "purchase" →
 * "PURCHASE" on Snapchat), when it differs only in case, spaces, hyphens or underscores. Undefined otherwise.
 */
export function standardEventFor(platform: AdPlatform, name: string): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const key = squash(name);
  return INTEGRATION_VOCABULARY[platform].events.find((e) => squash(e.name) === key)?.name;
}

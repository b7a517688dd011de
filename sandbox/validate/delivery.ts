import { ok } from '../../lib/result';
import { type Checked, invalid } from '../http-types';
import type { DeliveryMethod, PixelFields } from '../model';
import type { Body } from './fields';
import {
  parseAffiliateFacebook,
  parseNetworkFacebook,
  parseRumble,
  parseSnapchat,
  parseTiktok,
} from './integrations';
import type { PixelWriter } from './writer';

type Delivery = Pick<
  PixelFields,
  'postback_url' | 'html_code' | 'facebook_pixel' | 'tiktok_pixel' | 'snapchat_pixel' | 'rumble_pixel'
>;

/** The field or object the delivery method needs; fields for other methods are ignored and reset. */
export function readDelivery(body: Body, method: DeliveryMethod, writer: PixelWriter): Checked<Delivery> {
  // A create (no previous record) must name the partner's integration; a PUT may keep 0 (see integrations.ts).
  const create = writer.previous === undefined;
  const empty: Delivery = {
    postback_url: '',
    html_code: '',
    facebook_pixel: null,
    tiktok_pixel: null,
    snapchat_pixel: null,
    rumble_pixel: null,
  };
  switch (method) {
    case 'postback': {
      const url = body.postback_url;
      if (url === undefined || url === null || url === '') {
        return invalid('postback_url is required when delivery_method is postback');
      }
      if (typeof url !== 'string') return invalid('postback_url must be a string');
      if (!/^https?:\/\/[^\s/?#]+/i.test(url))
        return invalid('postback_url must start with http:// or https://');
      return ok({ ...empty, postback_url: url });
    }
    case 'html': {
      const code = body.html_code;
      if (code === undefined || code === null || code === '') {
        return invalid('html_code is required when delivery_method is html');
      }
      if (typeof code !== 'string') return invalid('html_code must be a string');
      return ok({ ...empty, html_code: code });
    }
    case 'facebook': {
      const previousToken = writer.previous?.facebook_pixel?.access_token ?? '';
      const pixel =
        writer.realm === 'affiliate'
          ? parseAffiliateFacebook(body.facebook_pixel)
          : parseNetworkFacebook(body.facebook_pixel, previousToken, create);
      return pixel.ok ? ok({ ...empty, facebook_pixel: pixel.value }) : pixel;
    }
    case 'tiktok': {
      const pixel = parseTiktok(body.tiktok_pixel, create);
      return pixel.ok ? ok({ ...empty, tiktok_pixel: pixel.value }) : pixel;
    }
    case 'snapchat': {
      const pixel = parseSnapchat(body.snapchat_pixel, create);
      return pixel.ok ? ok({ ...empty, snapchat_pixel: pixel.value }) : pixel;
    }
    case 'rumble': {
      const pixel = parseRumble(body.rumble_pixel, create);
      return pixel.ok ? ok({ ...empty, rumble_pixel: pixel.value }) : pixel;
    }
  }
}

import { useState } from 'preact/hooks';
import type { PostbackFormValue } from '../../../components/postback-form/model';
import { PostbackForm, type PostbackFormProps } from '../../../components/postback-form/PostbackForm';

/** The form under test with its value held in state, as a host page would; `onValue` sees every change. */
export function Controlled(
  props: Omit<PostbackFormProps, 'value' | 'onChange'> & {
    initial: PostbackFormValue;
    onValue?: (v: PostbackFormValue) => void;
  },
) {
  const { initial, onValue, ...rest } = props;
  const [value, setValue] = useState(initial);
  return (
    <PostbackForm
      {...rest}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue?.(v);
      }}
    />
  );
}

import type { ComponentPropsWithRef } from 'react';
import styles from './button.module.css';

type ButtonVariant = 'default' | 'primary' | 'danger' | 'danger-quiet' | 'quiet';

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  /** primary: the action the dialog or form is for; danger: one that cannot be undone; quiet: a minor one */
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
}

const VARIANT_CLASS: Record<ButtonVariant, string | undefined> = {
  default: undefined,
  primary: styles.primary,
  danger: styles.danger,
  'danger-quiet': styles.dangerQuiet,
  quiet: styles.quiet,
};

/**
 * The classes of a Button, for the rare control that must look like one but cannot be a <button>: a <label> that
 * opens a file picker (its hidden <input type="file"> inside is what the keyboard reaches).
 */
export function buttonClass({ variant = 'default', size = 'normal' }: Pick<ButtonProps, 'variant' | 'size'> = {}): string {
  return [styles.button, VARIANT_CLASS[variant], size === 'small' ? styles.small : undefined].filter(Boolean).join(' ');
}

/**
 * Every button in the window that is not an icon or a tab. `type` defaults to "button": a form's submit button says
 * so, so that no other button submits by accident. Every other prop and the ref go to the <button>.
 */
export function Button({ variant = 'default', size = 'normal', type = 'button', className, ...props }: ButtonProps) {
  const classes = className ? `${buttonClass({ variant, size })} ${className}` : buttonClass({ variant, size });
  return <button type={type} className={classes} {...props} />;
}

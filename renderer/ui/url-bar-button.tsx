import type { ComponentPropsWithRef } from 'react';
import styles from './url-bar-button.module.css';

export interface UrlBarButtonProps extends ComponentPropsWithRef<'button'> {
  /** the action that stops what the bar started (Cancel a send, Disconnect): quiet, in red */
  stop?: boolean;
}

/**
 * The action joined to the right end of a URL field: Send, Connect, and the Cancel or Disconnect that takes its
 * place while that goes on. `type` defaults to "button"; the bar's form says "submit".
 */
export function UrlBarButton({ stop = false, type = 'button', className, ...props }: UrlBarButtonProps) {
  const classes = [styles.button, stop ? styles.stop : undefined, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...props} />;
}

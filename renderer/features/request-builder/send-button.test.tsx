// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SendButton } from './send-button';

afterEach(cleanup);

// Found by the new-user UI pass: after Send (by keyboard or click) focus fell to the page body when Cancel replaced it.
describe('SendButton', () => {
  it('hands keyboard focus from Send to Cancel and back', () => {
    const { rerender } = render(<SendButton sending={false} onCancel={() => undefined} />);
    act(() => screen.getByRole('button', { name: 'Send' }).focus());
    rerender(<SendButton sending onCancel={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    rerender(<SendButton sending={false} onCancel={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send' }));
  });

  it('does not take focus that was elsewhere (Ctrl+Enter from the URL bar)', () => {
    const { rerender } = render(
      <>
        <input aria-label="URL" />
        <SendButton sending={false} onCancel={() => undefined} />
      </>,
    );
    act(() => screen.getByRole('textbox', { name: 'URL' }).focus());
    rerender(
      <>
        <input aria-label="URL" />
        <SendButton sending onCancel={() => undefined} />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'URL' }));
  });
});

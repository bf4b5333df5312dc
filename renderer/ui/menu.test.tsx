// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu, type MenuItem } from './menu';

afterEach(cleanup);

const items = (onSelect: (label: string) => void = () => undefined): MenuItem[] => [
  { label: 'Open', onSelect: () => onSelect('Open') },
  { label: 'Rename', onSelect: () => onSelect('Rename') },
  { label: 'Duplicate', onSelect: () => onSelect('Duplicate'), disabled: true },
  { label: 'Delete', onSelect: () => onSelect('Delete'), danger: true },
];

/** A row's ⋯ button that opens its menu, as the collection tree does. */
function Row({ onSelect = vi.fn(), menuItems = items(onSelect) }: { onSelect?: (label: string) => void; menuItems?: MenuItem[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="menu" onClick={() => setOpen(true)}>
        Actions
      </button>
      <button type="button">Elsewhere</button>
      {open ? <Menu label="Actions for Users" items={menuItems} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

const open = () => {
  const opener = screen.getByRole('button', { name: 'Actions' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, menu: screen.getByRole('menu', { name: 'Actions for Users' }) };
};
const focused = () => document.activeElement?.textContent;

describe('Menu', () => {
  it('is a menu of menuitems, named by its label, with the first item focused', () => {
    render(<Row />);
    const { menu } = open();
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Open', 'Rename', 'Duplicate', 'Delete']);
    expect(focused()).toBe('Open');
  });

  it('opens on the current item when there is one', () => {
    render(
      <Row
        menuItems={[
          { label: 'GET Users', onSelect: () => undefined },
          { label: 'POST Login', current: true, onSelect: () => undefined },
        ]}
      />,
    );
    const { menu } = open();
    expect(within(menu).getByRole('menuitem', { name: 'POST Login' }).getAttribute('aria-current')).toBe('true');
    expect(focused()).toBe('POST Login');
  });

  it('moves with ↑/↓ round the ends, skipping disabled items, and Home/End go to the ends', () => {
    render(<Row />);
    const { menu } = open();
    const key = (name: string) => fireEvent.keyDown(document.activeElement!, { key: name });
    key('ArrowDown');
    expect(focused()).toBe('Rename');
    key('ArrowDown');
    expect(focused()).toBe('Delete');
    key('ArrowDown');
    expect(focused()).toBe('Open');
    key('ArrowUp');
    expect(focused()).toBe('Delete');
    key('Home');
    expect(focused()).toBe('Open');
    key('End');
    expect(focused()).toBe('Delete');
    expect(menu.isConnected).toBe(true);
  });

  it('keeps its keys from the list or dialog around it', () => {
    const outer = vi.fn();
    render(
      <div onKeyDown={(event) => outer(event.key)}>
        <Row />
      </div>,
    );
    open();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(outer).not.toHaveBeenCalled();
  });

  it('closes on Escape and gives the focus back to the control that opened it', () => {
    render(<Row />);
    const { opener } = open();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus where the owner put it on closing', () => {
    function Owner() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button type="button">Row</button>
          {open ? (
            <Menu
              label="Actions for Users"
              items={items()}
              onClose={() => {
                setOpen(false);
                screen.getByRole('button', { name: 'Row' }).focus();
              }}
            />
          ) : null}
        </>
      );
    }
    render(<Owner />);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(document.activeElement?.textContent).toBe('Row');
  });

  it('runs the picked item after closing, and closes on a press outside it', () => {
    const onSelect = vi.fn();
    render(<Row onSelect={onSelect} />);
    fireEvent.click(within(open().menu).getByRole('menuitem', { name: 'Rename' }));
    expect(onSelect).toHaveBeenCalledWith('Rename');
    expect(screen.queryByRole('menu')).toBeNull();

    open();
    fireEvent.mouseDown(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('does not pick a disabled item', () => {
    const onSelect = vi.fn();
    render(<Row onSelect={onSelect} />);
    expect((within(open().menu).getByRole('menuitem', { name: 'Duplicate' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

import * as ReactDOM from 'react-dom';
import React from 'react';
import { mountReact } from '../mount_react';

describe('mountReact', () => {
  afterEach(() => {
    delete (ReactDOM as unknown as { createRoot?: unknown }).createRoot;
  });

  it('uses ReactDOM.render on React 16', () => {
    const element = document.createElement('div');
    const unmount = mountReact(<p>hello</p>, element);
    expect(element).toHaveTextContent('hello');
    unmount();
    expect(element).toBeEmptyDOMElement();
  });

  it("uses createRoot when react-dom has it (React 18)", () => {
    const root = { render: jest.fn(), unmount: jest.fn() };
    const createRoot = jest.fn(() => root);
    Object.defineProperty(ReactDOM, 'createRoot', { value: createRoot, configurable: true, writable: true });
    const element = document.createElement('div');
    const ui = <p>hello</p>;
    const unmount = mountReact(ui, element);
    expect(createRoot).toHaveBeenCalledWith(element);
    expect(root.render).toHaveBeenCalledWith(ui);
    unmount();
    expect(root.unmount).toHaveBeenCalled();
  });
});

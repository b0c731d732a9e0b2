import React from 'react';

describe('mountReact', () => {
  it('uses ReactDOM.render on React 16', () => {
    const { mountReact } = jest.requireActual('./mount_react') as typeof import('./mount_react');
    const element = document.createElement('div');
    const unmount = mountReact(<p>hello</p>, element);
    expect(element).toHaveTextContent('hello');
    unmount();
    expect(element).toBeEmptyDOMElement();
  });

  it('uses createRoot when react-dom has it (React 18)', () => {
    const root = { render: jest.fn(), unmount: jest.fn() };
    const createRoot = jest.fn(() => root);
    const render = jest.fn();
    jest.isolateModules(() => {
      jest.doMock('react-dom', () => ({ ...jest.requireActual('react-dom'), createRoot, render }));
      const { mountReact } = require('./mount_react') as typeof import('./mount_react');
      const element = document.createElement('div');
      const ui = <p>hello</p>;
      const unmount = mountReact(ui, element);
      expect(createRoot).toHaveBeenCalledWith(element);
      expect(root.render).toHaveBeenCalledWith(ui);
      expect(render).not.toHaveBeenCalled();
      unmount();
      expect(root.unmount).toHaveBeenCalled();
    });
    jest.dontMock('react-dom');
  });
});

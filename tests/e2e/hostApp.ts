// A host page's own React app, for tests/e2e/widgetHosts.test.ts: a counter,
// with React left on window as sites that load it by script tag have it.
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';

function HostApp() {
  const [clicks, setClicks] = useState(0);
  return React.createElement(
    'button',
    {
      type: 'button',
      onClick: () => {
        setClicks((count) => count + 1);
      },
    },
    `Host clicks: ${String(clicks)}`,
  );
}

Object.assign(window, { React });
const container = document.getElementById('host-app');
if (container) createRoot(container).render(React.createElement(HostApp));

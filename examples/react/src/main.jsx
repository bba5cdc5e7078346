import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@dialnexa/account-elements/account-provider';
import '@dialnexa/account-elements/profile-form';
import { myApi } from './api.js';

function App() {
  const [saved, setSaved] = useState('');
  return (
    <>
      {/* React 19 sets `api` as a property (an object, not an attribute) … */}
      <dn-account-provider api={myApi} locale="en" theme="light">
        {/* … and `on<event-name>` listens to the element's custom event. */}
        <dn-profile-form ondn-profile-saved={(event) => setSaved(event.detail.profile.displayName)} />
      </dn-account-provider>
      <p role="status">{saved && `Saved: ${saved}`}</p>
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);

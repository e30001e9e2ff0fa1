import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSession } from './api';
import { App } from './App';
import './styles.css';

// Who is signed in is known before the first render (one `me` when a session cookie exists),
// so a page that needs a role never flashes the login form.
void restoreSession().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// Passkeys for staff: adding one on /newsroom/security, signing in with one on /account/sign-in.
// A form marked data-passkey="create" or "get" stays hidden unless this browser can do passkeys. On submit the
// script posts the form (its antiforgery token included) to data-options, hands the answer to the browser's
// passkey dialog, writes what the browser returns into the form's "credential" field and submits the form for real.
(() => {
  'use strict';
  const pkc = window.PublicKeyCredential;
  if (!pkc || !pkc.parseCreationOptionsFromJSON || !pkc.parseRequestOptionsFromJSON || !navigator.credentials) return;

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    const status = form.querySelector('[data-passkey-status]');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (status) status.textContent = '';
      try {
        const answer = await fetch(form.dataset.options, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!answer.ok) throw new Error('options ' + answer.status);
        const options = await answer.json();
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: pkc.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: pkc.parseRequestOptionsFromJSON(options) });
        if (!credential) throw new Error('no credential');
        form.elements.credential.value = JSON.stringify(credential.toJSON());
        form.submit();
      } catch (error) {
        if (status) status.textContent = form.dataset.failed;
      }
    });
  }
})();

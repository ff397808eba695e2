// Sign-in box: POST /api/auth/login → bearer token kept in localStorage. Until the server offers
// authentication the page works as a guest and says so.
import { ApiError, getJson, postJson, request, setToken, token } from './api.js';
import { t, onLangChange } from './i18n.js';

export class Account {
  constructor({ onChange }) {
    this.onChange = onChange;
    this.user = null;
    this.dialog = document.getElementById('signin-dialog');
    this.form = document.getElementById('signin-form');
    this.error = document.getElementById('signin-error');
    this.button = document.getElementById('btn-signin');
    this.button.addEventListener('click', () => (this.user ? this.signOut() : this.open()));
    document.getElementById('signin-cancel').addEventListener('click', () => this.dialog.close('cancel'));
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
    onLangChange(() => this.render());
  }

  async restore() {
    if (!token()) { this.render(); return; }
    try {
      const me = await getJson('api/auth/me');
      this.user = me && !me.anonymous ? me : null;
      if (!this.user) setToken(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setToken(null);
    }
    this.render();
  }

  open() {
    this.error.textContent = '';
    this.form.reset();
    this.dialog.showModal();
  }

  async submit() {
    const data = new FormData(this.form);
    try {
      const body = await postJson('api/auth/login', { user: data.get('user'), password: data.get('password') });
      setToken(body.token);
      this.user = body.user ?? { id: data.get('user') };
      this.dialog.close('ok');
      this.render();
      this.onChange(this.user);
    } catch (e) {
      this.error.textContent = !(e instanceof ApiError) ? t('error.network')
        : e.missing ? t('auth.unavailable') : e.status === 429 ? t('auth.throttled') : t('auth.failed');
    }
  }

  async signOut() {
    try { await request('api/auth/logout', { method: 'POST' }); } catch { /* the token is dropped anyway */ }
    setToken(null);
    this.user = null;
    this.render();
    this.onChange(null);
  }

  render() {
    document.getElementById('user-name').textContent = this.user ? `${this.user.id}${this.user.department ? ` · ${t(`dept.${this.user.department}`)}` : ''}` : t('auth.anonymous');
    this.button.textContent = t(this.user ? 'auth.signOut' : 'auth.signIn');
  }
}

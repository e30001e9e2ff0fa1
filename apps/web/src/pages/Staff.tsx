import { graphql } from '../gql';
import { useState, type FormEvent } from 'react';
import type { Permission, Role, StaffUsersQuery } from '../gql/graphql';
import { ApiError, gql, useQuery } from '../api';
import { ErrorBox, Loading, Page, fieldProps, label, when } from '../ui';

type StaffUser = StaffUsersQuery['admins']['items'][number];

/** The staff roles an admin may create (candidates sign up themselves). */
const STAFF_ROLES: Role[] = ['RECRUITER', 'INTERVIEWER', 'ADMIN'];
/**
 * The page lists up to this many accounts per role, written into the query (not a variable) so the
 * API's complexity test prices it: three pages of 100 cost 6,003, under half the limit.
 */
const PAGE = 100;

const STAFF_USERS = graphql(`
  query StaffUsers {
    admins: users(role: ADMIN, limit: 100) {
      total
      items {
        ...StaffUser
      }
    }
    recruiters: users(role: RECRUITER, limit: 100) {
      total
      items {
        ...StaffUser
      }
    }
    interviewers: users(role: INTERVIEWER, limit: 100) {
      total
      items {
        ...StaffUser
      }
    }
  }
`);
graphql(`
  fragment StaffUser on User {
    id
    email
    name
    role
    active
    permissions
    createdAt
  }
`);
const UPDATE_PERMISSIONS = graphql(`
  mutation StaffUpdatePermissions($id: ID!, $permissions: [Permission!]!) {
    updateUser(id: $id, input: { permissions: $permissions }) {
      id
      permissions
    }
  }
`);
const CREATE_USER = graphql(`
  mutation StaffCreateUser($i: CreateUserInput!) {
    createUser(input: $i) {
      id
      name
      role
    }
  }
`);

/**
 * Staff accounts (ADMIN): create one, and grant or revoke what a recruiter may do beyond the
 * role. FAIRNESS_REPORT lets a recruiter read the adverse-impact report; admins always may,
 * interviewers never (the API refuses it for any other role).
 */
export function StaffPage() {
  const { data, error, loading, reload } = useQuery(STAFF_USERS);
  const [err, setErr] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  /**
   * Per account, FAIRNESS_REPORT as last asked (while the change is on its way) or as the API then
   * answered, until the list is read again; a refused change falls back to the list.
   */
  const [fairness, setFairnessShown] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const setFairness = async (u: StaffUser, grant: boolean) => {
    setErr(null);
    setStatus('');
    setFairnessShown((f) => ({ ...f, [u.id]: grant }));
    setBusy(u.id);
    const others = u.permissions.filter((p) => p !== 'FAIRNESS_REPORT');
    const permissions: Permission[] = grant ? [...others, 'FAIRNESS_REPORT'] : others;
    try {
      const d = await gql(UPDATE_PERMISSIONS, { id: u.id, permissions });
      setFairnessShown((f) => ({ ...f, [u.id]: d.updateUser.permissions.includes('FAIRNESS_REPORT') }));
      setStatus(grant ? `${u.name} may now read adverse-impact reports.` : `${u.name} may no longer read adverse-impact reports.`);
      reload();
    } catch (e) {
      setFairnessShown(({ [u.id]: _, ...rest }) => rest);
      setErr(e as ApiError);
    } finally {
      setBusy(null);
    }
  };

  const groups = data ? [data.admins, data.recruiters, data.interviewers] : [];
  const users = groups.flatMap((g) => g.items);
  const cut = groups.some((g) => g.total > g.items.length);
  return (
    <Page title="Staff">
      <CreateStaffForm
        onCreated={(name, role) => {
          setStatus(`Created ${name} (${label(role)}).`);
          reload();
        }}
      />
      {loading && <Loading />}
      <ErrorBox error={error ?? err} />
      {status && (
        <p role="status" className="ok">
          {status}
        </p>
      )}
      {data && (
        <div className="table-wrap">
          <table aria-label="Staff accounts">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
                <th scope="col">Adverse-impact report</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="staff-user">
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{label(u.role)}</td>
                  <td>{u.active ? 'Active' : 'Deactivated'}</td>
                  <td>
                    {u.role === 'ADMIN' && <span className="muted">Always (admin)</span>}
                    {u.role === 'INTERVIEWER' && <span className="muted">Not for interviewers</span>}
                    {u.role === 'RECRUITER' && (
                      <label className="inline">
                        <input
                          type="checkbox"
                          checked={fairness[u.id] ?? u.permissions.includes('FAIRNESS_REPORT')}
                          disabled={busy === u.id}
                          onChange={(e) => void setFairness(u, e.target.checked)}
                          aria-label={`${u.name} may read adverse-impact reports`}
                        />
                        May read
                      </label>
                    )}
                  </td>
                  <td>{when(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cut && <p className="muted">Showing the first {PAGE} accounts of each role.</p>}
        </div>
      )}
    </Page>
  );
}

function CreateStaffForm({ onCreated }: { onCreated: (name: string, role: Role) => void }) {
  const empty = { name: '', email: '', password: '', role: STAFF_ROLES[0] };
  const [form, setForm] = useState(empty);
  const [err, setErr] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      const d = await gql(CREATE_USER, { i: { name: form.name, email: form.email, password: form.password, role: form.role } });
      setForm(empty);
      onCreated(d.createUser.name, d.createUser.role);
    } catch (x) {
      setErr(x as ApiError);
    }
  };
  const f = (k: 'name' | 'email' | 'password') => ({
    value: form[k],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }),
    ...fieldProps(err, k, `staff-${k}`).input,
  });
  return (
    <form className="card" onSubmit={submit} aria-label="Create a staff account">
      <h2>New staff account</h2>
      <div className="row">
        <label>
          Name
          <input {...f('name')} required autoComplete="off" />
          {fieldProps(err, 'name', 'staff-name').message}
        </label>
        <label>
          Email
          <input type="email" {...f('email')} required autoComplete="off" />
          {fieldProps(err, 'email', 'staff-email').message}
        </label>
        <label>
          Initial password
          <input type="password" {...f('password')} required minLength={10} autoComplete="new-password" />
          {fieldProps(err, 'password', 'staff-password').message}
        </label>
        <label>
          Role
          <select
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            {...fieldProps(err, 'role', 'staff-role').input}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {label(r)}
              </option>
            ))}
          </select>
          {fieldProps(err, 'role', 'staff-role').message}
        </label>
      </div>
      <ErrorBox error={err} />
      <button type="submit">Create account</button>
    </form>
  );
}

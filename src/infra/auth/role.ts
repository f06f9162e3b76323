export enum Role {
  /** accountmanager: employer relations, vacancies, matching, nominations */
  AccountManager = 'accountmanager',
  /** klantmanager: owns a caseload of client profiles */
  ClientManager = 'klantmanager',
  /** coordinator: manages users and sectors, approves budget, sees reports and the audit log */
  Coordinator = 'coordinator',
  /** werkgever: an employer contact; sees only their own shortlists */
  Employer = 'werkgever',
}

export const ALL_ROLES = Object.values(Role);
export const STAFF_ROLES = [Role.AccountManager, Role.ClientManager, Role.Coordinator];

/** The authenticated caller of a request, passed explicitly from controllers to services. */
export interface Actor {
  userId: string;
  role: Role;
  /** For employer contacts: the employer they belong to. */
  employerId: string | null;
  requestId: string;
  /** Why the caller reads or changes data (X-Purpose header), recorded in the audit log. */
  purpose: string | null;
}

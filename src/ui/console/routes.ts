/** Where the learner is in the console: one page per service, each remembered while the other is shown. */
export type RoleTab = 'permissions' | 'trust' | 'tags';
export type InstanceTab = 'details' | 'security';

export type IamRoute = { page: 'roles' } | { page: 'role'; roleName: string; tab: RoleTab } | { page: 'createRole' };
export type Ec2Route = { page: 'instances' } | { page: 'instance'; instanceId: string; tab: InstanceTab } | { page: 'launch' } | { page: 'modifyRole'; instanceId: string };

export type Route = ({ service: 'iam' } & IamRoute) | ({ service: 'ec2' } & Ec2Route);

export type ServiceId = Route['service'];

export interface ConsoleNav {
  service: ServiceId;
  iam: IamRoute;
  ec2: Ec2Route;
}

export const START: ConsoleNav = { service: 'iam', iam: { page: 'roles' }, ec2: { page: 'instances' } };

export function navigate(nav: ConsoleNav, route: Route): ConsoleNav {
  if (route.service === 'iam') {
    const { service, ...iam } = route;
    return { ...nav, service, iam };
  }
  const { service, ...ec2 } = route;
  return { ...nav, service, ec2 };
}

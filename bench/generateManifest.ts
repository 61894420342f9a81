// Generates a large multi-document manifest (ConfigMaps, Deployments, hook Jobs with waves) for the benchmark.

const HOOKS = ['PreSync', 'Sync', 'PostSync'];

function configMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${i}
  annotations:
    argocd.argoproj.io/sync-wave: "${(i % 7) - 3}"
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "a,b,c"
  REGION: eu-west-${i % 3}
`;
}

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  labels:
    app: web-${i}
  annotations:
    argocd.argoproj.io/sync-wave: "${i % 5}"
    argocd.argoproj.io/sync-options: Prune=false
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:${i}.0.0
          envFrom:
            - configMapRef:
                name: settings-${i}
          ports:
            - containerPort: 8080
`;
}

function job(i: number): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate-${i}
  annotations:
    argocd.argoproj.io/hook: ${HOOKS[i % HOOKS.length]}
    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
    argocd.argoproj.io/sync-wave: "${(i % 4) - 1}"
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example.com/migrate:${i}
          args: ["--step", "${i}"]
`;
}

/** About `lines` lines of YAML: ConfigMaps, Deployments and hook Jobs separated by `---`. */
export function generateManifest(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = [configMap, deployment, job][i % 3](i);
    parts.push(doc);
    count += doc.split('\n').length;
  }
  return parts.join('---\n');
}

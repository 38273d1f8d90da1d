package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/bitext/bitext/providers/providertest"
)

// The parts of the Kubernetes API the recipe uses, field for field as in the batch/v1 Job and
// core/v1 Pod schemas (https://kubernetes.io/docs/reference/kubernetes-api/). Decoding is
// strict: a field that is not here — a typo such as "completion", or a field the API does not
// have — fails the test, as the API server would refuse it.

type object struct {
	APIVersion string     `yaml:"apiVersion"`
	Kind       string     `yaml:"kind"`
	Metadata   objectMeta `yaml:"metadata"`
}

type objectMeta struct {
	Name        string            `yaml:"name"`
	Namespace   string            `yaml:"namespace"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

type secret struct {
	object     `yaml:",inline"`
	Type       string            `yaml:"type"`
	StringData map[string]string `yaml:"stringData"`
	Data       map[string]string `yaml:"data"`
}

type job struct {
	object `yaml:",inline"`
	Spec   jobSpec `yaml:"spec"`
}

type jobSpec struct {
	CompletionMode          string            `yaml:"completionMode"`
	Completions             *int              `yaml:"completions"`
	Parallelism             *int              `yaml:"parallelism"`
	BackoffLimit            *int              `yaml:"backoffLimit"`
	BackoffLimitPerIndex    *int              `yaml:"backoffLimitPerIndex"`
	MaxFailedIndexes        *int              `yaml:"maxFailedIndexes"`
	ActiveDeadlineSeconds   *int              `yaml:"activeDeadlineSeconds"`
	TTLSecondsAfterFinished *int              `yaml:"ttlSecondsAfterFinished"`
	PodFailurePolicy        *podFailurePolicy `yaml:"podFailurePolicy"`
	Template                podTemplate       `yaml:"template"`
}

type podFailurePolicy struct {
	Rules []struct {
		Action      string `yaml:"action"`
		OnExitCodes *struct {
			ContainerName string  `yaml:"containerName"`
			Operator      string  `yaml:"operator"`
			Values        []int32 `yaml:"values"`
		} `yaml:"onExitCodes"`
		OnPodConditions []struct {
			Type   string `yaml:"type"`
			Status string `yaml:"status"`
		} `yaml:"onPodConditions"`
	} `yaml:"rules"`
}

type podTemplate struct {
	Metadata objectMeta `yaml:"metadata"`
	Spec     podSpec    `yaml:"spec"`
}

type podSpec struct {
	RestartPolicy   string `yaml:"restartPolicy"`
	SecurityContext struct {
		RunAsNonRoot *bool `yaml:"runAsNonRoot"`
		RunAsUser    *int  `yaml:"runAsUser"`
		RunAsGroup   *int  `yaml:"runAsGroup"`
		FSGroup      *int  `yaml:"fsGroup"`
	} `yaml:"securityContext"`
	Containers []container `yaml:"containers"`
	Volumes    []struct {
		Name                  string `yaml:"name"`
		PersistentVolumeClaim *struct {
			ClaimName string `yaml:"claimName"`
			ReadOnly  bool   `yaml:"readOnly"`
		} `yaml:"persistentVolumeClaim"`
		EmptyDir *struct{} `yaml:"emptyDir"`
	} `yaml:"volumes"`
}

type container struct {
	Name    string   `yaml:"name"`
	Image   string   `yaml:"image"`
	Command []string `yaml:"command"`
	Args    []string `yaml:"args"`
	Env     []struct {
		Name      string `yaml:"name"`
		Value     string `yaml:"value"`
		ValueFrom *struct {
			FieldRef *struct {
				FieldPath string `yaml:"fieldPath"`
			} `yaml:"fieldRef"`
			SecretKeyRef *struct {
				Name string `yaml:"name"`
				Key  string `yaml:"key"`
			} `yaml:"secretKeyRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	EnvFrom []struct {
		SecretRef *struct {
			Name string `yaml:"name"`
		} `yaml:"secretRef"`
		ConfigMapRef *struct {
			Name string `yaml:"name"`
		} `yaml:"configMapRef"`
	} `yaml:"envFrom"`
	Resources struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
	VolumeMounts []struct {
		Name      string `yaml:"name"`
		MountPath string `yaml:"mountPath"`
		ReadOnly  bool   `yaml:"readOnly"`
	} `yaml:"volumeMounts"`
}

var (
	dns1123   = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	envName   = regexp.MustCompile(`^[-._a-zA-Z][-._a-zA-Z0-9]*$`)
	quantity  = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?$`)
	varRef    = regexp.MustCompile(`\$\(([A-Za-z_][A-Za-z0-9_]*)\)`)
	setByJobs = map[string]bool{"JOB_COMPLETION_INDEX": true} // the Job controller sets it in Indexed mode
)

// TestKubernetesJob checks deploy/kubernetes-job.yaml against the batch/v1 Job schema (strict
// decoding of the fields above, required fields and their values) and against what bitext
// needs: an Indexed Job whose completions and parallelism are the N of --shard I/N, I the
// completion index, one output per index.
func TestKubernetesJob(t *testing.T) {
	data, err := os.ReadFile("kubernetes-job.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var jobs []job
	var secrets []secret
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for i := 1; ; i++ {
		var node yaml.Node
		if err := dec.Decode(&node); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		var head object
		if err := node.Decode(&head); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if head.Metadata.Name == "" || !dns1123.MatchString(head.Metadata.Name) || len(head.Metadata.Name) > 63 {
			t.Errorf("document %d: metadata.name %q is not a DNS-1123 label", i, head.Metadata.Name)
		}
		strict := func(v any) {
			var buf bytes.Buffer
			enc := yaml.NewEncoder(&buf)
			if err := enc.Encode(&node); err != nil {
				t.Fatal(err)
			}
			d := yaml.NewDecoder(&buf)
			d.KnownFields(true)
			if err := d.Decode(v); err != nil {
				t.Fatalf("document %d (%s): %v", i, head.Kind, err)
			}
		}
		switch head.APIVersion + " " + head.Kind {
		case "batch/v1 Job":
			var j job
			strict(&j)
			jobs = append(jobs, j)
		case "v1 Secret":
			var s secret
			strict(&s)
			secrets = append(secrets, s)
		default:
			t.Errorf("document %d: unexpected %s %s", i, head.APIVersion, head.Kind)
		}
	}
	if len(jobs) != 1 {
		t.Fatalf("%d Jobs, want 1", len(jobs))
	}
	j := jobs[0]
	spec := j.Spec
	if spec.CompletionMode != "Indexed" {
		t.Errorf("completionMode %q, want Indexed (JOB_COMPLETION_INDEX is set only then)", spec.CompletionMode)
	}
	if spec.Completions == nil || *spec.Completions < 1 {
		t.Fatal("an Indexed Job needs completions ≥ 1")
	}
	n := *spec.Completions
	if spec.Parallelism == nil || *spec.Parallelism < 1 || *spec.Parallelism > n {
		t.Errorf("parallelism must be in 1…completions (%d)", n)
	}
	if spec.BackoffLimitPerIndex != nil && spec.BackoffLimit != nil {
		// Allowed by the API, but per-index retries are what a sharded run wants.
		t.Log("both backoffLimit and backoffLimitPerIndex are set")
	}
	if p := spec.PodFailurePolicy; p != nil {
		if spec.Template.Spec.RestartPolicy != "Never" {
			t.Error("podFailurePolicy requires restartPolicy Never")
		}
		for k, r := range p.Rules {
			switch r.Action {
			case "FailJob", "FailIndex", "Ignore", "Count":
			default:
				t.Errorf("podFailurePolicy rule %d: unknown action %q", k, r.Action)
			}
			if r.Action == "FailIndex" && spec.BackoffLimitPerIndex == nil {
				t.Errorf("podFailurePolicy rule %d: FailIndex needs backoffLimitPerIndex", k)
			}
			if e := r.OnExitCodes; e != nil && e.Operator != "In" && e.Operator != "NotIn" {
				t.Errorf("podFailurePolicy rule %d: operator %q", k, e.Operator)
			}
		}
	}
	if rp := spec.Template.Spec.RestartPolicy; rp != "Never" && rp != "OnFailure" {
		t.Errorf("template restartPolicy %q: a Job's pods need Never or OnFailure", rp)
	}
	cs := spec.Template.Spec.Containers
	if len(cs) != 1 {
		t.Fatalf("%d containers, want 1", len(cs))
	}
	c := cs[0]
	if !dns1123.MatchString(c.Name) || c.Image == "" {
		t.Errorf("container name %q / image %q", c.Name, c.Image)
	}
	env := map[string]string{}
	for _, e := range c.Env {
		if !envName.MatchString(e.Name) {
			t.Errorf("env name %q", e.Name)
		}
		if (e.Value != "") == (e.ValueFrom != nil) && e.Value != "" {
			t.Errorf("env %s has both value and valueFrom", e.Name)
		}
		env[e.Name] = e.Value
	}
	for _, ef := range c.EnvFrom {
		if ef.SecretRef != nil {
			found := false
			for _, s := range secrets {
				found = found || s.Metadata.Name == ef.SecretRef.Name
			}
			if !found {
				t.Errorf("envFrom names secret %q, which the file does not define", ef.SecretRef.Name)
			}
		}
	}
	for kind, m := range map[string]map[string]string{"requests": c.Resources.Requests, "limits": c.Resources.Limits} {
		for k, v := range m {
			if (k != "cpu" && k != "memory" && k != "ephemeral-storage") || !quantity.MatchString(v) {
				t.Errorf("resources.%s.%s: %q", kind, k, v)
			}
		}
	}
	mounts := map[string]bool{}
	for _, v := range spec.Template.Spec.Volumes {
		mounts[v.Name] = true
	}
	for _, m := range c.VolumeMounts {
		if !mounts[m.Name] {
			t.Errorf("volumeMount %q names no volume", m.Name)
		}
	}

	// What bitext needs: --shard I/N with I the index and N the completions, an output per index.
	args := strings.Join(c.Args, " ")
	for _, ref := range varRef.FindAllStringSubmatch(args, -1) {
		if _, ok := env[ref[1]]; !ok && !setByJobs[ref[1]] {
			t.Errorf("args use $(%s), which is not defined (Kubernetes would pass it literally)", ref[1])
		}
	}
	if len(c.Args) == 0 || c.Args[0] != "translate" {
		t.Fatalf("args %q: want bitext translate …", c.Args)
	}
	var shardArg, outArg string
	for _, a := range c.Args {
		if v, ok := strings.CutPrefix(a, "--shard="); ok {
			shardArg = v
		}
		if v, ok := strings.CutPrefix(a, "--output="); ok {
			outArg = v
		}
	}
	if shardArg != "$(JOB_COMPLETION_INDEX)/$(SHARDS)" {
		t.Errorf("--shard=%q, want $(JOB_COMPLETION_INDEX)/$(SHARDS)", shardArg)
	}
	if env["SHARDS"] != strconv.Itoa(n) {
		t.Errorf("SHARDS=%q but completions is %d: worker I of N must have N = completions", env["SHARDS"], n)
	}
	if !strings.Contains(outArg, "$(JOB_COMPLETION_INDEX)") {
		t.Errorf("--output=%q: each index needs its own output", outArg)
	}
	if _, ok := env["RATE_PER_WORKER"]; !ok || !strings.Contains(args, "--rate=$(RATE_PER_WORKER)") {
		t.Error("each worker needs its share of the account's rate: --rate=$(RATE_PER_WORKER)")
	}
}

// TestScriptsShellcheck lints the Slurm and GNU parallel scripts with shellcheck (Debian
// shellcheck), and checks their syntax with bash -n.
func TestScriptsShellcheck(t *testing.T) {
	scripts := []string{"slurm-array.sbatch", "parallel.sh"}
	for _, s := range scripts {
		if out, err := exec.Command("bash", "-n", s).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", s, err, out)
		}
	}
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck not installed (Debian: apt-get install shellcheck); skipping the lint of the Slurm and parallel scripts")
	}
	out, err := exec.Command("shellcheck", append([]string{"--shell=bash", "--severity=style"}, scripts...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("shellcheck: %v\n%s", err, out)
	}
}

// TestDockerfile checks what the image promises without docker: a static binary
// (CGO_ENABLED=0) of ./cmd/bitext, on scratch, not running as root.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	// /tmp: scratch has none, and the default memory (XDG_CACHE_HOME=/tmp/.cache) failed with
	// "mkdir /tmp: permission denied".
	for _, want := range []string{"CGO_ENABLED=0", "./cmd/bitext", "FROM scratch", "USER 65534", `ENTRYPOINT ["/usr/local/bin/bitext"]`, "ca-certificates.crt", "--chown=65534:65534 /out/tmp /tmp"} {
		if !strings.Contains(s, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	goMod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(goMod)
	if m == nil || !strings.Contains(s, "FROM golang:"+string(m[1])) {
		t.Errorf("the build stage must use the Go of go.mod (go %s)", m[1])
	}
}

// TestParallelRecipe runs deploy/parallel.sh for real: GNU parallel starts four bitext workers
// (built from ./cmd/bitext) over a manifest of 40 documents against a fake provider, sharing one
// SQLite memory, and the script's merge checks that every document is in the corpus once.
func TestParallelRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds bitext")
	}
	if _, err := exec.LookPath("parallel"); err != nil {
		t.Skip("GNU parallel not installed (Debian: apt-get install parallel); skipping the run of deploy/parallel.sh")
	}
	if out, err := exec.Command("parallel", "--version").CombinedOutput(); err != nil || !strings.Contains(string(out), "GNU parallel") {
		t.Skip("parallel is not GNU parallel (moreutils has one of the same name)")
	}
	dir := t.TempDir()
	bin := buildBitext(t)
	writeManifest(t, dir)
	srv := providertest.NewOpenAI(t, providertest.Options{RetryAfter: "0"})
	script, err := filepath.Abs("parallel.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script, "manifest.jsonl", "out", "4", "--provider", "openai", "--base-url", srv.URL+"/v1")
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"OPENAI_API_KEY=sk-fake", "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("parallel.sh: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "merged 80 pairs of 40 documents (1 more document that translate skips) from 4 files") {
		t.Errorf("parallel.sh said:\n%s", out)
	}
	tmx, err := os.ReadFile(filepath.Join(dir, "out", "corpus.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(tmx), "<tu>"); n != 80 {
		t.Errorf("corpus.tmx has %d units, want 80", n)
	}
	checkAskedOnce(t, srv)
}

// TestSlurmRecipe runs deploy/slurm-array.sbatch as Slurm would run an array of four tasks:
// four shells at once, SLURM_ARRAY_TASK_ID 0…3, the provider and the shared memory from the
// environment and a config file; then the merge the script's header shows.
func TestSlurmRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds bitext")
	}
	dir := t.TempDir()
	bin := buildBitext(t)
	writeManifest(t, dir)
	srv := providertest.NewOpenAI(t, providertest.Options{RetryAfter: "0"})
	config := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(config, []byte("[providers]\ndefault = \"openai\"\n\n[providers.openai]\nbase_url = \""+srv.URL+"/v1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("slurm-array.sbatch")
	if err != nil {
		t.Fatal(err)
	}
	env := append(cleanEnv(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"OPENAI_API_KEY=sk-fake", "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"BITEXT_CONFIG="+config, "BITEXT_TM="+filepath.Join(dir, "tm.sqlite"),
		"SHARDS=4", "MANIFEST=manifest.jsonl", "OUT=out", "SLURM_ARRAY_TASK_COUNT=4")
	cmds := make([]*exec.Cmd, 4)
	outs := make([]bytes.Buffer, 4)
	for i := range cmds {
		cmds[i] = exec.Command("bash", script)
		cmds[i].Dir = dir
		cmds[i].Env = append(env, fmt.Sprintf("SLURM_ARRAY_TASK_ID=%d", i))
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("task %d: %v\n%s", i, err, outs[i].String())
		}
	}
	if t.Failed() {
		return
	}
	merge := exec.Command(filepath.Join(bin, "bitext"), "corpus", "merge", "--manifest", "manifest.jsonl", "-o", "corpus.jsonl",
		"out/shard-0.jsonl", "out/shard-1.jsonl", "out/shard-2.jsonl", "out/shard-3.jsonl")
	merge.Dir, merge.Env = dir, env
	if out, err := merge.CombinedOutput(); err != nil || !strings.Contains(string(out), "merged 80 pairs of 40 documents (1 more document that translate skips) from 4 files") {
		t.Fatalf("merge: %v\n%s", err, out)
	}
	checkAskedOnce(t, srv)
}

var (
	buildOnce sync.Once
	binDir    string
	buildErr  error
)

// buildBitext builds bitext once for the recipe tests and returns the folder it is in.
func buildBitext(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "bitext-deploy-test")
		if buildErr != nil {
			return
		}
		out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "bitext"), "../cmd/bitext").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// writeManifest writes manifest.jsonl: 40 inline documents of two sentences, 29 distinct
// sentences in all (28 days, and one in every document).
func writeManifest(t *testing.T, dir string) {
	t.Helper()
	var manifest strings.Builder
	for i := range 40 {
		fmt.Fprintf(&manifest, "{\"id\":\"artikel-%02d\",\"text\":\"Der Ausschuss tagte am %d. Mai in Berlin.\\n\\nDie Regierung legte einen Bericht vor.\"}\n", i, i%28+1)
	}
	// An English article among them, which translate skips: no shard fails for it, and the
	// merge counts it apart.
	manifest.WriteString(`{"id":"english-1","text":"The council met on Monday in Brussels to discuss the budget for the coming year. The ministers agreed on most of the points, but the question of agricultural subsidies remained open until late in the evening."}` + "\n")
	if err := os.WriteFile(filepath.Join(dir, "manifest.jsonl"), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkAskedOnce checks that the workers together asked the fake for each of the manifest's 29
// distinct sentences exactly once: they shared the memory's claims.
func checkAskedOnce(t *testing.T, srv *providertest.Server) {
	t.Helper()
	asked := map[string]int{}
	for _, r := range srv.Requests() {
		for _, s := range r.Info.Segments {
			asked[s.Text]++
		}
	}
	for s, n := range asked {
		if n != 1 {
			t.Errorf("asked %d times for %q", n, s)
		}
	}
	if len(asked) != 29 {
		t.Errorf("asked for %d distinct sentences, want 29", len(asked))
	}
}

// cleanEnv is the environment without credentials or bitext settings of the user's.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasSuffix(k, "_API_KEY") || strings.HasSuffix(k, "_AUTH_KEY") || strings.HasPrefix(k, "BITEXT_") ||
			k == "GOOGLE_APPLICATION_CREDENTIALS" || k == "PATH" || k == "HOME" || strings.HasPrefix(k, "XDG_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

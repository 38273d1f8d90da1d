// Package deploy holds no code: it is the folder of the recipes that run bitext on existing
// schedulers (a Dockerfile, a Kubernetes Indexed Job, a Slurm array job, GNU parallel), and of
// the tests that keep them valid (deploy_test.go). See README.md.
package deploy

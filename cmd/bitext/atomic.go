package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// atomicFile is written under a temporary name in the destination folder and renamed into
// place by commit, so that an output is complete or absent, never half-written — also when a
// run fails or is interrupted. Every command that writes files goes through it.
type atomicFile struct {
	*os.File
	name string
	done bool
}

// createAtomic starts writing name, creating its folder if needed.
func createAtomic(name string) (*atomicFile, error) {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	return &atomicFile{File: f, name: name}, nil
}

// commit closes the temporary file and renames it to its final name.
func (f *atomicFile) commit() error {
	if f.done {
		return nil
	}
	f.done = true
	if err := f.File.Close(); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	if err := os.Chmod(f.File.Name(), 0o644); err != nil {
		os.Remove(f.File.Name())
		return err
	}
	if err := os.Rename(f.File.Name(), f.name); err != nil {
		os.Remove(f.File.Name())
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	return nil
}

// abort removes the temporary file; after commit it does nothing.
func (f *atomicFile) abort() {
	if f.done {
		return
	}
	f.done = true
	f.File.Close()
	os.Remove(f.File.Name())
}

// writeFileAtomic writes name through write and an atomicFile: the file appears only when write
// succeeds.
func writeFileAtomic(name string, write func(io.Writer) error) error {
	f, err := createAtomic(name)
	if err != nil {
		return err
	}
	defer f.abort()
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return f.commit()
}

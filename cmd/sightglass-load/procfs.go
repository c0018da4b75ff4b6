package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/<pid>/stat.
// Linux fixes it at 100 on every architecture's user ABI.
const clockTicks = 100

// procStat is one reading of a process: resident memory and CPU time.
type procStat struct {
	At  time.Time
	RSS int64         // bytes (VmRSS)
	CPU time.Duration // utime + stime
}

// readProc reads /proc/<pid>/status and /proc/<pid>/stat; pid 0 means
// this process.
func readProc(pid int) (procStat, error) {
	dir := "/proc/self"
	if pid > 0 {
		dir = "/proc/" + strconv.Itoa(pid)
	}
	st := procStat{At: time.Now()}
	status, err := os.ReadFile(dir + "/status")
	if err != nil {
		return st, err
	}
	if st.RSS, err = parseVmRSS(status); err != nil {
		return st, err
	}
	stat, err := os.ReadFile(dir + "/stat")
	if err != nil {
		return st, err
	}
	st.CPU, err = parseCPU(stat)
	return st, err
}

// parseVmRSS returns the VmRSS line of /proc/<pid>/status in bytes.
func parseVmRSS(status []byte) (int64, error) {
	for line := range bytes.Lines(status) {
		rest, ok := bytes.CutPrefix(line, []byte("VmRSS:"))
		if !ok {
			continue
		}
		f := bytes.Fields(rest)
		if len(f) != 2 || string(f[1]) != "kB" {
			break
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil {
			break
		}
		return kb * 1024, nil
	}
	return 0, errors.New("no VmRSS in /proc status")
}

// parseCPU returns utime+stime from /proc/<pid>/stat. The command name
// (field 2) may hold spaces and parentheses, so fields are counted from
// the last ')': after it come state (field 3) … utime (14), stime (15).
func parseCPU(stat []byte) (time.Duration, error) {
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, errors.New("malformed /proc stat")
	}
	f := bytes.Fields(stat[i+1:])
	if len(f) < 13 {
		return 0, errors.New("malformed /proc stat")
	}
	var ticks int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(string(s), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("malformed /proc stat: %v", err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// sampler reads a process every second until stopped, keeping every
// sample for the report.
type sampler struct {
	pid  int
	stop chan struct{}
	done chan struct{}

	mu      sync.Mutex
	samples []procStat
	err     error
}

func startSampler(pid int, every time.Duration) *sampler {
	s := &sampler{pid: pid, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// sample takes one reading now and returns it.
func (s *sampler) sample() (procStat, error) {
	st, err := readProc(s.pid)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return st, err
	}
	s.samples = append(s.samples, st)
	return st, nil
}

// finish takes a last reading, stops sampling and returns every sample.
func (s *sampler) finish() ([]procStat, error) {
	s.sample()
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.samples, s.err
}

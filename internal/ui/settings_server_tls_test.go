package ui

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestServerProfileVerifyFull: choosing "periksa sertifikat server" offers
// the CA file, and the profile's connection string asks the driver to check
// the server's certificate and name against that CA (a path with spaces and
// quotes included); the other modes say what they say.
func TestServerProfileVerifyFull(t *testing.T) {
	u, _ := serverDesk(t)
	p := u.serverPage
	if !p.caFile.Disabled() || !p.pickCA.Disabled() {
		t.Error("the CA file is offered without verify-full")
	}
	choose(t, u.win, p.tls, tlsLabels()[2])
	if p.caFile.Disabled() || p.pickCA.Disabled() {
		t.Fatal("verify-full does not offer the CA file")
	}
	dir := filepath.Join(t.TempDir(), "sertifikat kantor")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(dir, "ca 'bkd'.crt")
	writeCA(t, ca)
	fillProfile(p, "db.setda.example.go.id", "sepakat", "rina", "")
	test.Type(p.port, "6432")
	test.Type(p.caFile, ca)
	prof, problem := p.profile()
	if problem != "" {
		t.Fatal(problem)
	}
	cfg, err := pgconn.ParseConfig(prof.ConnString())
	if err != nil {
		t.Fatalf("%s: %v", prof.ConnString(), err)
	}
	if cfg.Host != "db.setda.example.go.id" || cfg.Port != 6432 || cfg.Database != "sepakat" || cfg.User != "rina" || cfg.ConnectTimeout != 8*time.Second {
		t.Errorf("parsed: %s:%d/%s as %s, timeout %v", cfg.Host, cfg.Port, cfg.Database, cfg.User, cfg.ConnectTimeout)
	}
	tc := cfg.TLSConfig
	if tc == nil || tc.InsecureSkipVerify || tc.ServerName != "db.setda.example.go.id" || tc.RootCAs == nil || len(cfg.Fallbacks) != 0 {
		t.Errorf("verify-full: %+v, fallbacks %d", tc, len(cfg.Fallbacks))
	}

	// require encrypts without checking; disable never encrypts; prefer
	// tries TLS first, then without.
	for mode, want := range map[string]func(*pgconn.Config) bool{
		"require": func(c *pgconn.Config) bool {
			return c.TLSConfig != nil && c.TLSConfig.InsecureSkipVerify && len(c.Fallbacks) == 0
		},
		"disable": func(c *pgconn.Config) bool { return c.TLSConfig == nil && len(c.Fallbacks) == 0 },
		"prefer": func(c *pgconn.Config) bool {
			return c.TLSConfig != nil && len(c.Fallbacks) == 1 && c.Fallbacks[0].TLSConfig == nil
		},
	} {
		prof.TLS = mode
		cfg, err := pgconn.ParseConfig(prof.ConnString())
		if err != nil || !want(cfg) {
			t.Errorf("%s: %v", mode, err)
		}
	}
}

// writeCA writes a self-signed certificate authority to path.
func writeCA(t *testing.T, path string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CA Setda"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

#!/usr/bin/env python3
"""The coefficient tables of mish's accurate backward (src/kernels/elementwise/
f_mish.h, vact_mishb_*), exact in rationals (sympy), rounded to float once.
Per form (table index = the kernel's low bits of the clamped magic-bias sum):
  mish'/M = B0 + Bx x + (Pc(z) + x Px(z)) / D(z)^2, D monic quadratic,
with B0 + Bx x the value at z = 0 as a function of x, so Pc and Px vanish at
z = 0 except for the rounding of B0 and Bx to float, folded into pc0, px0.
Also prints the forward's s-form coefficients.
  scripts/gen_mish_tables.py            (prints the C tables)"""
import sympy as sp, struct
z, x = sp.symbols('z x')
def f32(v):
    return struct.unpack('f', struct.pack('f', float(v)))[0]
def fr(v):  # exact rational of the float rounding
    return sp.Rational(f32(v))
def omega(t): return 4*(x+1) + 4*t**2 + t**3 + t*(4*x+6)
def omega_u(u): return 1 + 4*u + 6*u**2 + 4*u**3 + 4*x*u**2*(1+u)
regions = {}
# idx: (D k, A, B0, Bx, R numerator expr)
def mk(name, idx, k, A, expr_fM_D2, B0, Bx, exactB=False):
    D = z**2 + k*z + A
    B0f = B0 if exactB else fr(B0); Bxf = Bx if exactB else fr(Bx)
    R = sp.expand(expr_fM_D2 - (B0f + Bxf*x)*D**2)
    P = sp.Poly(R, z, x)
    regions[idx] = (name, k, A, B0f, Bxf, P)
t = z
mk('c-pos', 0, 1, sp.Rational(1,2), omega_u(z)/4, 1, 0, True)
mk('s-pos0', 2, 3, sp.Rational(5,2), omega_u(1+z)/4, sp.Rational(3,5), sp.Rational(8,25))
mk('c-neg', 5, 2, 2, omega(z), 1, 1, True)
mk('s-neg1', 6, 6, 13, 16*((1+z)/2)*omega((1+z)/2), sp.Rational(65,169), sp.Rational(48,169))
mk('s-neg0', 7, 4, 5, (1+z)*omega(1+z), sp.Rational(3,5), sp.Rational(8,25))
for idx,(name,k,A,B0f,Bxf,P) in []:
    print(idx, name, 'B0', float(B0f), 'Bx', float(Bxf))
    d = P.as_dict()
    for (i,j),c in sorted(d.items()):
        print('   z^%d x^%d : %s  (%.6g)'%(i,j,c,float(c)))
def hx(v):
    f = f32(v)
    return (float.hex(f) + 'f') if f != 0 else '0.0f'
names = ['d3','d2','d1','d0','pc0','pc1','pc2','pc3','pc4','px0','px1','px2','px3','px4','k','A','B0','Bx']
tabs = {n: ['0.0f']*8 for n in names}
for idx,(name,k,A,B0f,Bxf,P) in regions.items():
    d = P.as_dict()
    ids = [idx] + ([1] if idx == 0 else [])
    for i2 in ids:
        for i in range(5):
            tabs['pc%d'%i][i2] = hx(d.get((i,0),0))
            tabs['px%d'%i][i2] = hx(d.get((i,1),0))
        tabs['k'][i2] = hx(k); tabs['d3'][i2]=hx(2*k); tabs['d2'][i2]=hx(k*k+2*A); tabs['d1'][i2]=hx(2*k*A); tabs['d0'][i2]=hx(A*A); tabs['A'][i2] = hx(A); tabs['B0'][i2] = hx(B0f); tabs['Bx'][i2] = hx(Bxf)
if True:
    for n in names:
        print('static const float vact_mishb_%s[8] = {%s};\n' % (n, ', '.join(tabs[n])), end='')

# forward s-forms: y' = x K0 - x Q, Q = -(g - K0) = Num/D (g = tanh(softplus(x)))
K0 = fr(sp.Rational(3,5)); K1 = fr(sp.Rational(5,13))
for name, g, D, K, scale in [('s-pos0', (3+2*z)/(5+6*z+2*z**2), z**2+3*z+sp.Rational(5,2), K0, 1),
                             ('s-neg1', (5+6*z+z**2)/(13+6*z+z**2), z**2+6*z+13, K1, 2),
                             ('s-neg0', (3+4*z+z**2)/(5+4*z+z**2), z**2+4*z+5, K0, 1)]:
    num = sp.Poly(sp.expand(sp.cancel(-(g - K)*D*scale)), z).all_coeffs()[::-1]
    print('/* fwd %s: K0 %s, Num b0..b2 %s */' % (name, hx(K*scale), ', '.join(hx(c) for c in num)))

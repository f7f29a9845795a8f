/**
 * @file fb_constants.h
 * @brief Physical constants and unit conversions: the single place for them in fipbounds.
 *
 * Internal units are natural units (hbar = c = k_B = 1) with energies in GeV. Every constant has
 * its unit in the name; conversions go through the named factors below, never through stray
 * literals. Sources:
 *  - CODATA 2018: E. Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010 (recommended values).
 *  - PDG 2024: S. Navas et al. (Particle Data Group), Phys. Rev. D 110 (2024) 030001
 *    ("Physical constants" and "Astrophysical constants" tables, particle listings).
 *  - Planck 2018: Planck Collaboration, arXiv:1807.06209 (Table 2, TT,TE,EE+lowE+lensing).
 */
#ifndef FB_CONSTANTS_H
#define FB_CONSTANTS_H

/* ---------------------------------------------------------------- mathematical */
#define FB_PI 3.14159265358979323846
#define FB_ZETA3 1.20205690315959428540 /* Riemann zeta(3) */

/* ---------------------------------------------------------------- exact SI (CODATA 2018) */
#define FB_C_CM_S 2.99792458e10 /* speed of light [cm/s], exact */
#define FB_C_M_S 2.99792458e8   /* speed of light [m/s], exact */

/* ---------------------------------------------------------------- CODATA 2018 */
#define FB_ALPHA_EM 7.2973525693e-3       /* fine-structure constant at q^2 = 0, 1/137.035999084 */
#define FB_HBAR_GEV_S 6.582119569e-25     /* hbar [GeV s] */
#define FB_HBARC_GEV_CM 1.973269804e-14   /* hbar c [GeV cm] */
#define FB_HBARC2_GEV2_MB 0.3893793721    /* (hbar c)^2 [GeV^2 mb] */
#define FB_KB_EV_K 8.617333262e-5         /* Boltzmann constant [eV/K] */
#define FB_GEV_G 1.78266192e-24           /* 1 GeV/c^2 in grams */
#define FB_AVOGADRO_MOL 6.02214076e23     /* Avogadro constant [1/mol], exact (SI 2019, CODATA 2018) */
#define FB_AMU_GEV 0.93149410242          /* atomic mass unit u c^2 [GeV], CODATA 2018 */
#define FB_TAU_N_S 878.4                  /* neutron lifetime [s], PDG 2024 */
#define FB_TAU_N_SIGMA_S 0.5              /* its 1-sigma error [s], PDG 2024 (878.4 +- 0.5 s) */

/* ---------------------------------------------------------------- lepton masses [GeV] */
#define FB_ME_GEV 0.51099895000e-3   /* electron, CODATA 2018 */
#define FB_MMU_GEV 0.1056583755      /* muon, CODATA 2018 */
#define FB_MTAU_GEV 1.77693          /* tau, PDG 2024 */

/* ---------------------------------------------------------------- quark masses [GeV], PDG 2024
 * Light quarks: MS-bar at 2 GeV; c, b: MS-bar m(m); t: direct measurements. They are used only
 * for the perturbative plasma and the thresholds of the R ratio, where these conventions suffice. */
#define FB_MU_QUARK_GEV 2.16e-3
#define FB_MD_QUARK_GEV 4.70e-3
#define FB_MS_QUARK_GEV 93.5e-3
#define FB_MC_QUARK_GEV 1.2730
#define FB_MB_QUARK_GEV 4.183
#define FB_MT_QUARK_GEV 172.57

/* ---------------------------------------------------------------- bosons and hadrons [GeV], PDG 2024 */
#define FB_MW_GEV 80.3692
#define FB_MZ_GEV 91.1880
#define FB_MH_GEV 125.20
#define FB_MPI_CHARGED_GEV 0.13957039
#define FB_MPI0_GEV 0.1349768
#define FB_MK_CHARGED_GEV 0.493677
#define FB_MK0_GEV 0.497611
#define FB_META_GEV 0.547862    /* eta, PDG 2024 (used by the R ratio: phi -> eta gamma) */
#define FB_MD0_GEV 1.86484      /* D0, PDG 2024 (open-charm threshold 2 m_D0 of the R ratio) */
#define FB_MB0_GEV 5.27966      /* B0, PDG 2024 (open-bottom threshold 2 m_B0 of the R ratio) */
#define FB_MP_GEV 0.93827208816 /* proton, CODATA 2018 */
#define FB_MN_GEV 0.93956542052 /* neutron, CODATA 2018 */

/* ---------------------------------------------------------------- couplings, PDG 2024 */
#define FB_GF_GEV_M2 1.1663788e-5  /* Fermi constant [GeV^-2] */
#define FB_ALPHAS_MZ 0.1180        /* strong coupling alpha_s(M_Z), MS-bar */
#define FB_SIN2_THETAW 0.23129     /* sin^2 theta_W(M_Z), MS-bar */

/* ---------------------------------------------------------------- gravitation and cosmology */
#define FB_MPL_GEV 1.220890e19            /* Planck mass sqrt(hbar c / G) [GeV], PDG 2024 */
#define FB_MPL_REDUCED_GEV 2.435323e18    /* M_Pl / sqrt(8 pi) [GeV] */
#define FB_TCMB_K 2.7255                  /* CMB temperature today [K], PDG 2024 (Fixsen 2009) */
#define FB_MSUN_G 1.98841e33              /* solar mass [g], PDG 2024 astrophysical constants */
#define FB_G_NEWTON_CGS 6.67430e-8        /* Newton constant [cm^3 g^-1 s^-2], CODATA 2018 (PDG 2024) */
#define FB_GA_NUCLEON 1.2754              /* nucleon axial coupling g_A, PDG 2024 */
#define FB_DKAPPA_PN 3.7058               /* kappa_p - kappa_n = 1.7928 + 1.9130 (anomalous magnetic moments, PDG 2024; weak magnetism) */
#define FB_RHO_CRIT_H2_GEV_CM3 1.053672e-5  /* critical density / h^2 [GeV cm^-3], PDG 2024 (1.053672(24)e-5) */
#define FB_OMEGA_C_H2_PLANCK 0.120        /* Planck 2018 Omega_c h^2, arXiv:1807.06209 Table 2 */
#define FB_OMEGA_B_H2_PLANCK 0.02242      /* Planck 2018 Omega_b h^2, arXiv:1807.06209 Table 2 */
#define FB_PANN_MAX_PLANCK_CM3_S_GEV 3.2e-28 /* Planck 2018 95% limit p_ann = f_eff <sigma v>/m_chi
                                             [cm^3 s^-1 GeV^-1], arXiv:1807.06209 sec. 7.6 */
#define FB_NEFF_SM 3.044                  /* Standard-Model N_eff: Akita & Yamaguchi arXiv:2005.07047,
                                             Froustey et al. arXiv:2008.01074, Bennett et al. arXiv:2012.02726 */

/* ---------------------------------------------------------------- mesons for FIP decays, PDG 2024
 * Masses [GeV] (PDG 2024 listings); decay constants in the f_pi ~ 130 MeV normalisation
 * (FLAG 2021, arXiv:2111.09849, N_f = 2+1+1; f_eta, f_eta' and vector-meson constants are given
 * where each model uses them, with their citation). */
#define FB_METAPRIME_GEV 0.95778
#define FB_MRHO_GEV 0.77526
#define FB_MOMEGA_GEV 0.78266
#define FB_MPHI_GEV 1.019461
#define FB_MKSTAR_CHARGED_GEV 0.89167
#define FB_MKSTAR0_GEV 0.89555
#define FB_MD_CHARGED_GEV 1.86966
#define FB_MDS_GEV 1.96835
#define FB_MDSTAR_CHARGED_GEV 2.01026
#define FB_MDSSTAR_GEV 2.1122
#define FB_FPI_GEV 0.1302          /* f_pi+, FLAG 2021 / PDG 2024 (130.2 MeV) */
#define FB_FK_GEV 0.1557           /* f_K+, FLAG 2021 (155.7 MeV) */
#define FB_FD_GEV 0.2120           /* f_D+, FLAG 2021 (212.0 MeV) */
#define FB_FDS_GEV 0.2499          /* f_Ds, FLAG 2021 (249.9 MeV) */

/* ---------------------------------------------------------------- CKM magnitudes, PDG 2024 */
#define FB_VUD 0.97367
#define FB_VUS 0.22431
#define FB_VUB 0.00382
#define FB_VCD 0.221
#define FB_VCS 0.975
#define FB_VCB 0.0411
#define FB_VTD 0.0086
#define FB_VTS 0.0415
#define FB_VTB 1.010

/* ---------------------------------------------------------------- electroweak */
#define FB_HIGGS_VEV_GEV 246.21965 /* v = (sqrt(2) G_F)^(-1/2) [GeV], from FB_GF_GEV_M2 */

/* (per-model blocks: add a block below headed with the model, one constant a line, cited) */

/* ---------------------------------------------------------------- photodisintegration after BBN (src/bbn/bbn_photodis.c) */
#define FB_TAU_TRITIUM_S 5.605e8    /* tritium mean life: T_1/2 = 12.32 yr (Lucas & Unterweger, J. Res. NIST 105 (2000) 541) / ln 2 */
#define FB_OMEGA_M_H2_PLANCK 0.1430 /* Planck 2018 Omega_m h^2 (TT,TE,EE+lowE+lensing), arXiv:1807.06209 Table 2 */
/* per-observable regions of the generic photodisintegration planes (figure layers; the bound itself is the
 * Delta chi^2 of Yp and D/H): PDG 2024 BBN review (Fields, Molaro, Sarkar): 3He/H <= (1.1 +- 0.2)e-5 (Galactic
 * HII regions, Bania, Rood & Balser, Nature 415 (2002) 54), taken as an upper limit at 1.1e-5 + 1.96 x 0.2e-5;
 * 7Li/H = (1.6 +- 0.3)e-10 (metal-poor halo stars, Sbordone et al. arXiv:1003.4510) */
#define FB_HE3_H_OBS_MAX 1.1e-5
#define FB_HE3_H_OBS_SIGMA 0.2e-5
#define FB_LI7_H_OBS 1.6e-10
#define FB_LI7_H_OBS_SIGMA 0.3e-10

/* ---------------------------------------------------------------- BC4/BC5 dark scalar (src/models/fb_fip_bc4.c) */
#define FB_HIGGS_NUCLEON_FN 0.307   /* f_N in g_hNN = f_N m_N / v: Hoferichter, Klos, Menendez, Schwenk arXiv:1708.02245 (0.307(9)(15)) */
#define FB_HIGGS_WIDTH_SM_GEV 4.088e-3 /* SM Higgs total width at m_H = 125.09 GeV, LHC Higgs XS WG YR4 arXiv:1610.07922 */
/* chiral-unitary pi pi / K Kbar I = 0 S wave (src/models/fb_scalar_ff.c): the two parameters of the
 * fit of Oller and Oset, Nucl. Phys. A620 (1997) 438, hep-ph/9702314, used as published (values as
 * quoted from that paper; checked indirectly: a_0^0 = 0.219 and <r^2>_S = 0.604 fm^2 come out, CGL
 * hep-ph/0103088 0.220 and 0.61 fm^2, tests/models/test_scalar_ff.c) */
#define FB_OO_F_GEV 0.093     /* f of the lowest-order kernels, hep-ph/9702314 (f = 93 MeV) */
#define FB_OO_QMAX_GEV 1.03   /* three-momentum cut-off of the loops, hep-ph/9702314 (q_max = 1.03 GeV) */
/* data-constrained pi pi I = 0 S wave (src/models/fb_pipi_swave.c): the "constrained fit to data"
 * (CFD) parametrisation of Garcia-Martin, Kaminski, Pelaez, Ruiz de Elvira, Yndurain (GKPY),
 * Phys. Rev. D83 (2011) 074004, arXiv:1102.2183, Appendix A (S0 wave: conformal form below
 * sqrt(s_M) = 0.85 GeV, matched polynomial in the K Kbar momentum up to 2 m_K, polynomial in the K Kbar
 * and eta eta momenta up to 1.42 GeV; inelasticity above 2 m_K), CFD column of its S0-wave tables.
 * The paper's appendix is not in the stored corpus: the numbers were read from independent public
 * transcriptions (JPAC analyticRT pipi_scattering.cpp, a port of Jackura-Sherrill's Fortran;
 * mmikhasenko/GKPY-2011; phdargen/AmAnHelpers), which agree digit for digit on the phase; the
 * inelasticity constants are from the first only. The masses are the fit's own (kept apart from
 * the kinematic masses). Checked in tests/models/test_pipi_swave.c. */
#define FB_GKPY_MPI_GEV 0.13957  /* M_pi of the fit, arXiv:1102.2183 App. A (also z0 of the Adler zero) */
#define FB_GKPY_MK_GEV 0.496     /* m_K of the fit, ibid. */
#define FB_GKPY_META_GEV 0.54751 /* m_eta of the fit, ibid. */
#define FB_GKPY_SQRT_SM_GEV 0.85 /* sqrt(s_M): end of the conformal (low-energy) form, ibid. */
#define FB_GKPY_SQRT_SH_GEV 1.42 /* end of the parametrisation, ibid. */
#define FB_GKPY_B0 7.14          /* conformal coefficients B0..B3 (CFD), ibid. */
#define FB_GKPY_B1 (-25.3)
#define FB_GKPY_B2 (-33.2)
#define FB_GKPY_B3 (-26.2)
#define FB_GKPY_D0_DEG 226.5     /* delta_0^0 at 2 m_K (d0, CFD), ibid. */
#define FB_GKPY_C_DEG (-81.0)    /* c of the 0.85 GeV - 2 m_K form (CFD), ibid. */
#define FB_GKPY_BH_DEG 93.3      /* B, C, D of the form above 2 m_K (CFD), ibid. */
#define FB_GKPY_CH_DEG 48.7
#define FB_GKPY_DH_DEG (-88.3)
#define FB_GKPY_EPS1 4.9         /* inelasticity eta_0^0 above 2 m_K: epsilon_1..4 (CFD), ibid. */
#define FB_GKPY_EPS2 (-15.1)
#define FB_GKPY_EPS3 4.7
#define FB_GKPY_EPS4 0.32
/* ---------------------------------------------------------------- BC6-BC8 HNL abundance before BBN
 * (src/bbn/bbn_hnl.c, bbn_nu_rate.c): the weak interaction rate of an active neutrino of momentum p,
 * Gamma_nu_alpha = C_alpha G_F^2 T^4 p in the e+- nu plasma (T << m_mu; thermal average C G_F^2 T^4 <p>,
 * <p> = 3.151 T): Enqvist, Kainulainen, Thomson, Nucl. Phys. B373 (1992) 498 (values as quoted there and
 * in Abazajian, Fuller, Patel astro-ph/0101524 sec. II; not re-checked against the paper's text, which is
 * not in the corpus; re-derived to 2% from the hep-ph/9703315 matrix elements: tests/bbn/test_bbn_nu_cascade.c) */
#define FB_NU_RATE_C_E 1.27     /* C_e, ibid. */
#define FB_NU_RATE_C_MUTAU 0.92 /* C_mu = C_tau, ibid. */
/* ---------------------------------------------------------------- three-flavour neutrino mixing
 * (src/bbn/bbn_nu_oscillation.c): NuFIT 6.0 best fit, normal ordering, with the Super-Kamiokande
 * atmospheric chi^2 (Esteban et al., arXiv:2410.05380, JHEP 12 (2024) 216; www.nu-fit.org v6.0 table) */
#define FB_NU_SIN2_TH12 0.308
#define FB_NU_SIN2_TH13 0.02215
#define FB_NU_SIN2_TH23 0.470
#define FB_NU_DELTA_CP_DEG 212.0
#define FB_NU_DM2_21_EV2 7.49e-5
#define FB_NU_DM2_31_EV2 2.513e-3
/* ---------------------------------------------------------------- BC6-BC8 heavy neutral lepton
 * (src/models/fb_fip_hnl.c). Decay constants as defined in Bondarenko, Boyarsky, Gorbunov,
 * Ruchayskiy, arXiv:1805.08567 (sec. 3.2-3.3): <0|J^mu|P(p)> = i f_P p^mu [GeV],
 * <0|J^mu|V(p)> = i g_V eps^mu [GeV^2] (g_V = f_V m_V). f_pi, f_K, f_D, f_Ds: block above. */
#define FB_HNL_FETA_GEV 0.0817        /* f_eta of the Z current, arXiv:1805.08567 sec. 3.2 (table of neutral-meson constants, 81.7 MeV) */
#define FB_HNL_FETAPRIME_GEV (-0.0947) /* f_eta' of the Z current, arXiv:1805.08567 sec. 3.2 (same table, -94.7 MeV) */
#define FB_HNL_GRHO_GEV2 0.162        /* g_rho (rho+ and rho0), arXiv:1805.08567 sec. 3.3 (vector-meson tables) */
#define FB_HNL_GOMEGA_GEV2 0.153      /* g_omega, arXiv:1805.08567 sec. 3.3 (neutral vector mesons) */
#define FB_HNL_GPHI_GEV2 0.234        /* g_phi, arXiv:1805.08567 sec. 3.3 (neutral vector mesons) */
#define FB_HNL_GDSTAR_GEV2 0.535      /* g_D*+, arXiv:1805.08567 sec. 3.3 (charged vector mesons) */
#define FB_HNL_GDSSTAR_GEV2 0.650     /* g_Ds*+, arXiv:1805.08567 sec. 3.3 (charged vector mesons) */
#define FB_HNL_FKSTAR_GEV 0.206       /* f_K*+: from PDG 2024 B(tau -> K*(892) nu) = 1.20 % and
                                         tau_tau = 290.3 fs through Gamma = G_F^2 f^2 |V_us|^2 m_tau^3
                                         (1 - x)^2 (1 + 2x)/(16 pi), x = m_K*^2/m_tau^2 (the l V width of
                                         arXiv:1805.08567 sec. 3.3 crossed; radiative corrections
                                         neglected); K* is not in its tables */
#define FB_TAU_TAU_S 290.3e-15        /* tau lepton lifetime [s], PDG 2024 (validation only) */
/* ---- BC10/BC11 ALPs (src/models/fb_fip_alp.c) ----------------------------------------------- */
#define FB_ALP_GAMMA_PI0_GEV 7.81e-9      /* Gamma(pi0) = 7.81 eV, PDG 2024 (pi0 propagator width) */
#define FB_ALP_GAMMA_ETA_GEV 1.31e-6      /* Gamma(eta) = 1.31 keV, PDG 2024 */
#define FB_ALP_GAMMA_ETAP_GEV 0.188e-3    /* Gamma(eta') = 0.188 MeV, PDG 2024 */
#define FB_ALP_BR_ETAP_ETAPIPI 0.425      /* BR(eta' -> eta pi+ pi-) = 42.5 %, PDG 2024 */
#define FB_ALP_GAMMA_OMEGA_GEV 8.68e-3    /* Gamma(omega) = 8.68 MeV, PDG 2024 */
#define FB_ALP_BR_OMEGA_PI0GAMMA 0.0835   /* BR(omega -> pi0 gamma) = 8.35 %, PDG 2024 (VMD normalisation) */
#define FB_ALP_GAMMA_RHO_GEV 0.1491       /* Gamma(rho0) = 149.1 MeV, PDG 2024 */
#define FB_ALP_THETA_ETA_ETAP (-0.339837) /* eta-eta' octet-singlet angle -arcsin(1/3) = -19.47 deg: eta =
                                             (uu+dd-ss)/sqrt3, eta' = (uu+dd+2ss)/sqrt6: the LO quark-flavour
                                             choice of the U(3) treatment of arXiv:1811.03474 (ASW) */
#define FB_ALP_DELTA_U 0.897              /* proton spin fractions Delta u, d, s: Grilli di Cortona, Hardy, Pardo Vega, */
#define FB_ALP_DELTA_D (-0.376)           /*   Villadoro arXiv:1511.02867 ("The QCD axion, precisely"), BC10 nucleon couplings */
#define FB_ALP_DELTA_S (-0.026)
#define FB_ALP_CP_GLUON (-0.47)           /* C_p, C_n of a pure gluon coupling (a/f)(alpha_s/8pi) G Gdual: */
#define FB_ALP_CN_GLUON (-0.02)           /*   arXiv:1511.02867 (model-independent part, E = 0 terms) */
/* ---------------------------------------------------------------- CMB (src/cmb): late background,
 * spectral distortions and energy injection at recombination */
#define FB_H_PLANCK 0.6736              /* H0/(100 km/s/Mpc), Planck 2018 arXiv:1807.06209 Table 2 (TT,TE,EE+lowE+lensing) */
#define FB_MPC_CM 3.0856775814913673e24 /* 1 Mpc [cm], PDG 2024 astrophysical constants */
#define FB_CMB_Z_MU 1.98e6              /* thermalisation redshift of J_bb = exp(-(z/z_mu)^(5/2)) from double Compton +
                                           bremsstrahlung (Burigana, Danese, De Zotti 1991; Hu & Silk 1993;
                                           value of Chluba & Sunyaev arXiv:1109.6552 and Chluba arXiv:1603.02496) */
#define FB_CMB_MU_PER_DRHO 1.401        /* mu = (3/kappa_c) Delta rho/rho, kappa_c = 2.1419 (Sunyaev & Zeldovich 1970;
                                           Chluba arXiv:1304.6120 Eq. 5, arXiv:1603.02496) */
#define FB_CMB_JMU_Z 5.8e4              /* J_mu = 1 - exp(-[(1+z)/5.8e4]^1.88), Chluba arXiv:1304.6120 Eq. 5 */
#define FB_CMB_JMU_POWER 1.88           /* idem */
#define FB_CMB_JY_Z 6.0e4               /* J_y = (1 + [(1+z)/6.0e4]^2.58)^-1, Chluba arXiv:1304.6120 Eq. 5 / arXiv:1603.02496 */
#define FB_CMB_JY_POWER 2.58            /* idem */
#define FB_CMB_JBB_IMPROVED_NORM 0.983  /* J_bb* = 0.983 J_bb (1 - 0.0381 (z/z_mu)^2.29), Chluba arXiv:1506.06582 Eq. 13 */
#define FB_CMB_JBB_IMPROVED_A 0.0381    /* idem */
#define FB_CMB_JBB_IMPROVED_POWER 2.29  /* idem */
#define FB_FIRAS_MU_MAX 9.0e-5          /* COBE/FIRAS |mu| < 9e-5 (95% CL), Fixsen et al. astro-ph/9605054 */
#define FB_FIRAS_Y_MAX 1.5e-5           /* COBE/FIRAS |y| < 1.5e-5 (95% CL), Fixsen et al. astro-ph/9605054 */
#define FB_CMB_BETA_M 2.19229          /* mu shape M = G (1/beta_M - 1/x), beta_M = 3 zeta(3)/zeta(2) = 2.19229 (number-conserving
                                           Bose-Einstein distortion; Chluba arXiv:1304.6120 sec. 2, Chluba & Jeong arXiv:1306.5751) */
#define FB_FIRAS_NU_LO_CM 2.27          /* FIRAS monopole channels: 43, uniform from 2.27 to 21.33 cm^-1 (68-639 GHz), */
#define FB_FIRAS_NU_HI_CM 21.33         /*   Fixsen et al. astro-ph/9605054 table 4 (issue 15, fb_cmb_green.c) */
#define FB_FIRAS_N_CHANNELS 43          /*   idem */
#define FB_CMB_Z_EFF_ANISOTROPY 600.0   /* redshift where the CMB anisotropies are most sensitive to injected energy
                                           (first principal component peaks at z ~ 600: Finkbeiner, Galli, Lin,
                                           Slatyer arXiv:1109.6322; used for decays by Slatyer & Wu arXiv:1610.06933) */
#define FB_CMB_XINJ_MIN 100.0          /* photons injected with x = E/T below this are flagged: the heating
                                           (Green's-function) treatment assumes x >> 1 (Chluba arXiv:1506.06582
                                           shows the distortion then depends on x; criterion of this project) */
#define FB_MICHEL_MEAN_EFRAC 0.35       /* mean e+- energy / m_mu in mu decay = 7/20 (V-A Michel spectrum, m_e
                                           neglected; PDG 2024 review "Muon decay parameters") */
/* ---------------------------------------------------------------- BBN with a decaying particle
 * (src/bbn/bbn_mesons.c, bbn_chi2.c) */
#define FB_TAU_PI_CHARGED_S 2.6033e-8 /* pi+- mean life [s], PDG 2024 */
#define FB_SIGV_PIM_P_CEX_MB 1.5      /* <sigma v>(pi- p -> pi0 n) for stopped pions [mb, v in c] without
                                         the Coulomb factor: Reno & Seckel, PRD 37 (1988) 3441, as used by
                                         Kawasaki, Kohri, Moroi astro-ph/0408426 sec. 4 (see bbn_mesons.c) */
#define FB_SIGV_PIP_N_CEX_MB 1.7      /* <sigma v>(pi+ n -> pi0 p) [mb, v in c], same sources */
#define FB_NEFF_PLANCK18 2.99         /* Planck 2018 TT,TE,EE+lowE+lensing+BAO, arXiv:1807.06209 sec. 7.4 */
#define FB_NEFF_PLANCK18_SIGMA 0.17   /* its 1 sigma (68%), arXiv:1807.06209 sec. 7.4 */
#define FB_NEFF_PLANCK18_95 0.34      /* its 95% half-width (+0.34 / -0.33), arXiv:1807.06209 sec. 7.4 */
#define FB_ZSTAR_PLANCK18 1089.92      /* redshift of last scattering z_*, Planck 2018 TT,TE,EE+lowE+lensing,
                                         arXiv:1807.06209 table 2 (N_eff at recombination: bbn_neff_rec.c) */
#define FB_CHI2_2DOF_95 5.991         /* 95% quantile of the chi^2 distribution with 2 dof (PDG 2024
                                         "Statistics" review, table 40.2) */
#define FB_GAUSS_95_TWO_SIDED 1.960   /* two-sided 95% Gaussian interval in sigma (PDG 2024 "Statistics") */
#define FB_CHI2_1DOF_95 3.841         /* 95% quantile of the chi^2 distribution with 1 dof (PDG 2024
                                         "Statistics" review, table 40.2): the joint-likelihood mass bound */
/* Planck 2018 TT,TE,EE+lowE+lensing+BAO (the combination of FB_NEFF_PLANCK18) with Y_P and N_eff both free
 * (LCDM+Y_P+N_eff), arXiv:1807.06209: the Gaussian CMB likelihood in (Omega_b h^2, N_eff, Y_P^BBN =
 * 4 n_He/n_b) of bbn_joint_fit.c. Means and 1 sigma: sec. 7.6.2 ("CMB constraints on the helium fraction")
 * Y_P^BBN = 0.246 +- 0.035 and N_eff = 2.97 +0.58/-0.54 (95%; sigma = mean half-width / 1.960);
 * Omega_b h^2 = 0.02224 +- 0.00022 (68%) from table 5, row "Y_P, N_eff" (TT,TE,EE+lowE+lensing: the paper
 * lists no value with BAO). The paper gives no correlations; they follow from its nested-model errors
 * under the Gaussian assumption, sigma(x | y fixed)^2 = sigma(x)^2 (1 - rho^2) (bbn_joint_fit.c). */
#define FB_PLANCK18_YN_OMEGAB 0.02224
#define FB_PLANCK18_YN_OMEGAB_SIGMA 0.00022
#define FB_PLANCK18_YN_NEFF 2.97
#define FB_PLANCK18_YN_NEFF_SIGMA 0.2857     /* (0.58 + 0.54) / 2 / 1.960 */
#define FB_PLANCK18_YN_YP 0.246
#define FB_PLANCK18_YN_YP_SIGMA 0.01786      /* 0.035 / 1.960 */
#define FB_PLANCK18_YN_RHO_OMEGAB_NEFF 0.45  /* derived, bbn_joint_fit.c */
#define FB_PLANCK18_YN_RHO_OMEGAB_YP 0.0     /* derived, bbn_joint_fit.c */
#define FB_PLANCK18_YN_RHO_NEFF_YP (-0.77)   /* derived, bbn_joint_fit.c */
#define FB_BD_MEV 2.224566            /* deuteron binding energy [MeV] (AME2020: 2224.566 keV) */
#define FB_CASCADE_MY_MIN_GEV 1e-14   /* smallest m Y [GeV] that photodisintegration or hadrodissociation
                                         bounds exclude anywhere (Kawasaki, Kohri, Moroi astro-ph/0408426
                                         figs. 38-42; Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324):
                                         the flag threshold of bbn_chi2.c */
#define FB_HADRODISS_T_MIN_S 100.0    /* decays after ~100 s can dissociate 4He by hadronic showers
                                         (Kawasaki, Kohri, Moroi astro-ph/0408426 sec. 4; issue 14) */
#define FB_ALP_BR_ETA_PIPIPI0 0.2292      /* BR(eta -> pi+ pi- pi0) = 22.92 %, PDG 2024: fixes the K-factor of the LO
                                             a -> 3 pi amplitude (BC10, fb_fip_alp.c) */
#define FB_ALP_BR_ETA_3PI0 0.3257         /* BR(eta -> 3 pi0) = 32.57 %, PDG 2024: fixes the K-factor of ASW's a -> 3 pi
                                             amplitude (BC11, fb_fip_alp.c) */
#define FB_ALP_ASW_K3PI 2.7                /* K-factor on ASW's chiral a -> 3 pi amplitude (rate), "mean value reproducing
                                             the eta and eta' decay rates": Aloni, Soreq, Williams arXiv:1811.03474
                                             (supplemental eqs. S31-S33), value as transcribed in ALPaca
                                             arXiv:2508.08354 (hadronic_decays_def.py, kfact) */
#define FB_ALP_MSIGMA_GEV 0.475     /* f0(500) = sigma: PDG 2024 Breit-Wigner mass 400-550 MeV, middle */
#define FB_ALP_GAMMA_SIGMA_GEV 0.550 /* f0(500): PDG 2024 Breit-Wigner width 400-700 MeV, middle */
#define FB_ALP_MKSTAR_GEV 0.89167         /* K*(892)+- mass, PDG 2024 */
#define FB_ALP_GAMMA_KSTAR_GEV 0.0514     /* K*(892)+- width 51.4 MeV, PDG 2024 (K pi ~ 100 %): fixes the VPP coupling */
#define FB_ALP_MA0_GEV 0.980             /* a0(980) mass, PDG 2024 (980 +- 20 MeV) */
#define FB_ALP_GAMMA_A0_GEV 0.075         /* a0(980) width, PDG 2024 estimate 50-100 MeV: the middle 75 MeV, taken as
                                             Gamma(a0 -> eta pi) (the dominant mode) to fix the scalar-nonet coupling */
#define FB_ALP_ASW_F_SCALE_GEV 1.4         /* ASW (arXiv:1811.03474) eq. 17 / Fig. 2: the data-driven ALP-hadron form
                                             factor F(m_a) is 1 below ~1.4 GeV and falls as (1.4 GeV/m_a)^4 above
                                             (their asymptotic form; fb_fip_alp.c uses that form from 1.4 GeV on) */
#define FB_ALP_GAMMA_RHO_EE_GEV 7.04e-6   /* Gamma(rho0 -> e+ e-) = 7.04 keV: PDG 2024 BR 4.72e-5 x 149.1 MeV (VMD
                                             rho-photon coupling; fixes the BC11 a -> V V vertex) */

/* Axion-electron coupling bounds g_ae (dimensionless; L = -i g_ae a ebar gamma_5 e) of a massless ALP,
 * used by src/stellar/fb_rg_alp.h (issue 16, BC10). */
#define FB_GAE_MAX_RG_NGC4258 1.6e-13  /* tip of the red-giant branch, NGC 4258 calibration, 95% CL: Capozzi &
                                          Raffelt arXiv:2007.03694 (abstract) */
#define FB_GAE_MAX_RG_OMEGACEN 1.3e-13 /* idem, omega Centauri calibration, 95% CL (arXiv:2007.03694) */
#define FB_GAE_MAX_RG_DS2023 4.456e-13 /* TRGB with simultaneous stellar-model variations: alpha_26 <= 1.58, 95% CL,
                                          Dennis & Sakstein arXiv:2305.03113; g_ae = sqrt(4 pi 1e-26 alpha_26) */
#define FB_GAE_MAX_WD_GAIA 1.68e-13    /* white-dwarf luminosity function, 100-pc Gaia DR3 sample, 95% CL: Alberino,
                                          Miller Bertolami, Camisassa, Caputo & Torres arXiv:2603.00901 */
#define FB_GAE_MAX_WD_MB2014 2.8e-13   /* white-dwarf luminosity function of the Galactic disk: values above are
                                          disfavoured, Miller Bertolami et al. arXiv:1406.7712 (abstract) */

/* Neutrino magnetic-moment bound from white-dwarf cooling, in Bohr magnetons (issue 16, BC3 white dwarfs,
 * src/stellar/fb_rg_mcp.h): rate of period change of the hot pulsating DB white dwarf PG 1351+489, whose
 * cooling is dominated by plasmon neutrinos: mu_nu <~ 1e-11 mu_B, Corsico et al. arXiv:1406.6034 (abstract) */
#define FB_MUNU_MAX_WD_DBV 1e-11

/* Observational / model range of the BC3 red-giant and HB bounds (issue 16 "Systematic bands",
 * src/stellar/fb_model_bc3_rg.c): published bounds on the same energy-loss channel, whose ratios scale our edges.
 * Red-giant tip, neutrino dipole moment (plasmon decay, the process of the BC3 red-giant bound), mu_B, 95% CL: */
#define FB_MUNU_MAX_RG_NGC4258 1.5e-12  /* Capozzi & Raffelt arXiv:2007.03694 (abstract, ar5iv copy), NGC 4258 */
#define FB_MUNU_MAX_RG_OMEGACEN 1.2e-12 /* idem, omega Centauri calibration */
#define FB_MUNU_MAX_RG_M5 4.5e-12       /* Viaux et al. arXiv:1308.4627 (abstract): globular cluster M5, error
                                           budget dominated by the bolometric correction and the distance */
/* HB (R parameter: number ratio of HB to RGB stars in globular clusters), photon coupling, GeV^-1, 95% CL: */
#define FB_GAGG_MAX_HB_R 0.66e-10  /* Ayala et al. arXiv:1406.6053 (abstract): 39 clusters, R and He abundance Y
                                      uncertainties folded in */
#define FB_GAGG_MAX_HB_R2 0.47e-10 /* Dolan, Hiskens & Volkas arXiv:2207.03102 (abstract): R_2, MESA, semiconvection */

/* ---------------------------------------------------------------- unit conversions */
#define FB_K_TO_GEV (FB_KB_EV_K * 1.0e-9)              /* T[GeV] = T[K] * FB_K_TO_GEV */
#define FB_GEV_TO_K (1.0 / FB_K_TO_GEV)
#define FB_GEV_TO_INV_S (1.0 / FB_HBAR_GEV_S)          /* rate: Gamma[1/s] = Gamma[GeV] * this */
#define FB_INV_GEV_TO_S FB_HBAR_GEV_S                  /* time: t[s] = t[GeV^-1] * this */
#define FB_INV_GEV_TO_CM FB_HBARC_GEV_CM               /* length: L[cm] = L[GeV^-1] * this */
#define FB_INV_GEV_TO_M (FB_HBARC_GEV_CM * 1.0e-2)     /* length: L[m] = L[GeV^-1] * this */
#define FB_INV_GEV2_TO_CM2 (FB_HBARC2_GEV2_MB * 1.0e-27) /* cross section [cm^2] per GeV^-2 */
#define FB_INV_GEV2_TO_CM3_S (FB_INV_GEV2_TO_CM2 * FB_C_CM_S) /* <sigma v> [cm^3/s] per GeV^-2 */
#define FB_INV_CM3_TO_GEV3 (FB_HBARC_GEV_CM * FB_HBARC_GEV_CM * FB_HBARC_GEV_CM) /* n[GeV^3] per cm^-3 */
#define FB_G_CM3_TO_GEV4 ((1.0 / FB_GEV_G) * FB_INV_CM3_TO_GEV3) /* rho[GeV^4] per g cm^-3 */
#define FB_ERG_TO_GEV 624.150907                       /* 1 erg in GeV (1 erg = 1e-7 J) */
#define FB_KM_TO_CM 1.0e5                              /* length: L[cm] = L[km] * this (exact) */
#define FB_FM_TO_CM 1.0e-13                            /* length: L[cm] = L[fm] * this (exact) */

/* ---------------------------------------------------------------- kaon-driven p <-> n conversion
 * (src/bbn/bbn_kaons.c; issue 14) */
#define FB_TAU_K_CHARGED_S 1.2380e-8   /* K+- mean life [s], PDG 2024 */
#define FB_TAU_KL_S 5.116e-8           /* K_L mean life [s], PDG 2024 */
#define FB_KP_1S_SHIFT_EV 283.0        /* kaonic hydrogen 1s strong shift: the level is pushed up by 283 eV
                                          (X-ray shift eps_1s = -283 +- 36 +- 6 eV), SIDDHARTA, Bazzi et al.
                                          arXiv:1105.3090 */
#define FB_KP_1S_WIDTH_EV 541.0        /* kaonic hydrogen 1s width Gamma_1s = 541 +- 89 +- 22 eV, same source */
#define FB_KN_IM_A_FM 0.72             /* Im a(K- n) [fm], the chiral SU(3) coupled-channel prediction
                                          constrained by SIDDHARTA: a(K- n) = 0.57 + 0.72 i fm, Ikeda, Hyodo,
                                          Weise arXiv:1201.6549 (its uncertainty +0.26/-0.41 fm) */
/* K- p absorption at rest: Sigma- pi+ : Sigma+ pi- : Sigma0 pi0 : Lambda pi0 = 0.447 : 0.208 : 0.281 : 0.064
 * (bubble chamber, W. E. Humphrey and R. R. Ross, Phys. Rev. 127 (1962) 1305) */
#define FB_KP_BR_SIGMAM_PIP 0.447
#define FB_KP_BR_SIGMAP_PIM 0.208
#define FB_KP_BR_SIGMA0_PI0 0.281
#define FB_KP_BR_LAMBDA_PI0 0.064
#define FB_BR_SIGMAP_NPIP 0.4831       /* BR(Sigma+ -> n pi+), PDG 2024 (the rest p pi0) */
#define FB_BR_SIGMAM_NPIM 0.99848      /* BR(Sigma- -> n pi-), PDG 2024 */
#define FB_BR_LAMBDA_PPIM 0.641        /* BR(Lambda -> p pi-), PDG 2024 (the rest, 0.359, n pi0) */
/* charged-kaon decays, PDG 2024: K- -> pi- pi0 20.67 %, pi- pi- pi+ 5.583 %, pi- pi0 pi0 1.760 % */
#define FB_BR_K_PIPI0 0.2067
#define FB_BR_K_3PI_CHARGED 0.05583
#define FB_BR_K_PIPI0PI0 0.01760
/* K_L decays, PDG 2024: pi e nu 40.55 %, pi mu nu 27.04 %, pi+ pi- pi0 12.54 %; K_S -> pi+ pi- 69.20 % */
#define FB_BR_KL_PIENU 0.4055
#define FB_BR_KL_PIMUNU 0.2704
#define FB_BR_KL_PIPIPI0 0.1254
#define FB_BR_KS_PIPI 0.6920


/* ---------------------------------------------------------------- CMB anisotropy bound: hydrogen
 * recombination and its linear response to deposited energy (src/cmb/fb_cmb_xe.c; issue 15) */
#define FB_E_ION_H_EV 13.605693          /* hydrogen ionisation energy = Rydberg energy hcR_inf, CODATA 2018 (13.605693 eV;
                                            reduced-mass correction 5e-4 neglected); E_alpha = 3/4 of it */
#define FB_SIGMA_THOMSON_CM2 6.6524587321e-25 /* Thomson cross section [cm^2], CODATA 2018 */
#define FB_LYA_WAVELENGTH_CM 1.215670e-5 /* Lyman-alpha wavelength 121.5670 nm (RECFAST: Seager, Sasselov & Scott
                                            astro-ph/9909275) */
#define FB_LAMBDA_2S1S_S 8.2245809       /* H 2s -> 1s two-photon rate [1/s] (Goldman 1989; RECFAST astro-ph/9909275) */
#define FB_RECFAST_FUDGE 1.14            /* case-B fudge factor F of the Peebles atom, Seager, Sasselov & Scott
                                            astro-ph/9909275 */
#define FB_ALPHA_B_A 4.309               /* case-B recombination coefficient alpha_B = F 1e-13 a t^b/(1 + c t^d) cm^3/s, */
#define FB_ALPHA_B_B (-0.6166)           /*   t = T/1e4 K: fit of Pequignot, Petitjean & Boisson 1991 (A&A 251, 680) as */
#define FB_ALPHA_B_C 0.6703              /*   used by RECFAST (astro-ph/9909275) */
#define FB_ALPHA_B_D 0.5300
#define FB_YHE_MASS_FRACTION 0.2458      /* helium mass fraction: PRIMAT 4 n_He/n_b = 0.24712 at Omega_b h^2 = 0.02242
                                            (Pitrou et al. arXiv:1801.08023, ../shared sbbn_reference) minus 0.0013 */
#define FB_CMB_XE_SAHA_SWITCH 0.99       /* three-level atom started where Saha gives x_H = 0.99 (as RECFAST) */
#define FB_CMB_XE_Z_LO 200.0             /* lowest redshift of the recombination grid: T_matter = T_radiation (Compton
                                            coupling) holds above z ~ 200 (Seager et al. astro-ph/9909275 follow T_m
                                            separately below); the visibility projection is cut here (fb_cmb.h) */
#define FB_CMB_XE_DL 5.0e-4              /* step in ln(1+z) of the recombination grid: at 1.25e-4 the bounds of
                                            test_cmb_window change by < 0.3% (z_star by 0.1) */

/* One-pion-exchange NN bremsstrahlung of ALPs in the SN core (src/stellar/fb_sn_alpn.c, issue 16) */
#define FB_OPE_F_PINN 1.0         /* pseudovector pi-N coupling f (f^2/4pi = 0.08): alpha_pi = (2 m_N f/m_pi)^2/(4 pi)
                                     = 15 of Hannestad & Raffelt, ApJ 507 (1998) 339 (astro-ph/9711132) */
#define FB_OPE_C_RHO 1.67         /* rho exchange subtracted from the OPE tensor force, C_rho and m_rho: Carenza et al. */
#define FB_OPE_M_RHO_GEV 0.600    /*   arXiv:1906.11844 sec. 2 (after Ericson & Mathiot, Phys. Lett. B 219 (1989) 507) */
/* Nucleon symmetry potential U_n - U_p of the pion-induced ALP emission's mean-field variant (src/stellar/fb_sn_pion.c) */
#define FB_NSAT_FM3 0.16          /* nuclear saturation density n_0 [fm^-3] */
#define FB_ESYM0_MEV 31.6         /* symmetry energy S(n_0) and its slope L: Li & Han, PLB 727 (2013) 276, */
#define FB_LSYM_MEV 58.9          /*   arXiv:1304.3368 (31.6 +- 2.66 MeV, 58.9 +- 16 MeV) */
/* pi-N P33 (Delta(1232)) phase shift of the interacting-pion abundance (src/stellar/fb_sn_pion.c, Fore & Reddy
 * arXiv:1911.02632 virial expansion): Breit-Wigner mass and width of the Delta(1232), PDG 2024 (1232 MeV, 114-120 MeV);
 * p-wave energy-dependent width Gamma(k) = Gamma_0 (k/k_D)^3 (M_D/W) (beta^2 + k_D^2)/(beta^2 + k^2) with
 * beta = 300 MeV (Koch, Moniz & Ohtsuka, Ann. Phys. 154 (1984) 99; as used by Teis et al. nucl-th/9609009 eq. 11) */
#define FB_DELTA1232_M_GEV 1.232
#define FB_DELTA1232_W_GEV 0.117
#define FB_DELTA1232_BETA_GEV 0.300
/* P33 scattering volume a_33 = 0.214 m_pi^-3 (Koch & Pietarinen, Nucl. Phys. A 336 (1980) 331; Hoehler,
 * Landolt-Boernstein I/9b2 (1983)): used only to check the phase shift above (tests/stellar/test_sn_pion.c) */
#define FB_PIN_A33_MPI3 0.214
/* pi-N-Delta coupling of the static isobar model, f*^2/4pi = 0.36 (Ericson & Weise, Pions and Nuclei (1988) ch. 2):
 * used only to check the f* that fb_sn_pion.c derives from the Delta width above (tests/stellar/test_sn_pion.c) */
#define FB_PIND_FSTAR2_4PI 0.36
/* (f* /f)^2 = (6 sqrt(2)/5)^2 = 72/25 of the SU(6) quark model (Brown & Weise, Phys. Rep. 22 (1975) 279; Ericson &
 * Weise ch. 2): option pion_delta = quark_model, the systematic against the width's f* (src/stellar/fb_sn_pion.c) */
#define FB_PIND_FSTAR_F2_QM (72.0 / 25.0)
/* ALP production by scatterings (src/production/fb_prod_alp.c, BC10/BC11) */
#define FB_QCD_TPC_GEV 0.1565 /* QCD pseudo-critical temperature, HotQCD Bazavov et al. arXiv:1812.08235 (156.5 +- 1.5 MeV) */
/* Thermal history thresholds of the BC4/BC5 production (src/production/fb_prod_bc4.c) */
#define FB_T_EW_GEV 159.5                /* electroweak crossover temperature, lattice: D'Onofrio & Rummukainen
                                            arXiv:1508.07161 (159.5 +- 1.5 GeV) */
#define FB_HIGGS_THERMAL_CH 0.377        /* m_H(T)^2 = c_H T^2 - m_h^2/2 in the symmetric phase, c_H = (3 g^2 + g'^2 +
                                            4 y_t^2 + 8 lambda)/16 at g = 0.65, g' = 0.35, y_t = 0.95, lambda = 0.13
                                            (Carrington PRD 45 (1992) 2933; Dolan & Jackiw PRD 9 (1974) 3320) */

/* Hadronisation of partonic final states (src/models/fb_hadronize.c, issues 13/14) */
#define FB_HAD_NCH_MZ 20.76   /* mean charged multiplicity in hadronic Z decays, PDG 2024 average (Navas et al.,
                                 PRD 110 (2024) 030001, Z listings: <N_charged> = 20.76 +- 0.16) */
#define FB_HAD_PIC_10 6.6     /* mean multiplicities per e+e- -> hadrons event at sqrt(s) ~ 10 GeV, particle + */
#define FB_HAD_PI0_10 3.2     /*   antiparticle: pi+- 6.6, pi0 3.2, K+- 0.90, K0 + K0bar 0.91, p + pbar 0.253 */
#define FB_HAD_KC_10 0.90     /*   (PDG 2024 review "Fragmentation functions in e+e-, ep and pp collisions", */
#define FB_HAD_K0_10 0.91     /*   table of average hadron multiplicities; CLEO/ARGUS/Belle/BaBar continuum) */
#define FB_HAD_P_10 0.253
#define FB_HAD_RGQ_LOW 1.04   /* <n_ch>(g g) / <n_ch>(q qbar) for jet-jet masses < 7 GeV: CLEO, Alam et al.,
                                 hep-ex/9701006 (1.04 +- 0.02 +- 0.05); -> C_A/C_F = 9/4 only asymptotically */
/* ---------------------------------------------------------------- decays in flight of the products of late
 * decays (src/bbn/bbn_em_injection.c; issue 15). PDG 2024 branching ratios; the rest of each list is
 * in FB_BR_K_PIPI0 ... FB_BR_KS_PIPI above. */
#define FB_TAU_MU_S 2.1969811e-6       /* mu+- mean life [s], PDG 2024 */
#define FB_BR_K_MUNU 0.6356            /* K+- -> mu nu 63.56 %, PDG 2024 */
#define FB_BR_K_PI0ENU 0.0507          /* K+- -> pi0 e nu (K_e3) 5.07 %, PDG 2024 */
#define FB_BR_K_PI0MUNU 0.03352        /* K+- -> pi0 mu nu (K_mu3) 3.352 %, PDG 2024 */
#define FB_BR_KL_3PI0 0.1952           /* K_L -> 3 pi0 19.52 %, PDG 2024 */
#define FB_BR_KS_PI0PI0 0.3069         /* K_S -> pi0 pi0 30.69 %, PDG 2024 */
#define FB_BR_PI_MUNU 0.9998770        /* pi+ -> mu+ nu_mu 99.98770 %, PDG 2024 (the rest, e nu, neglected) */


/* Photon / electron energy deposition after recombination (src/cmb/fb_cmb_dep.c, issue 15) */
#define FB_R_E_CM 2.8179403262e-13       /* classical electron radius [cm], CODATA 2018 */
#define FB_E_ION_HEI_EV 24.587387        /* He I ionisation energy [eV], NIST ASD (Kramida et al.) */
#define FB_E_ION_HEII_EV 54.417763       /* He II ionisation energy [eV], NIST ASD (hydrogenic 4 Ry, reduced mass) */
#define FB_I_EXC_H_EV 15.0               /* mean excitation energy of atomic hydrogen in the Bethe formula [eV]
                                            (Inokuti, Rev. Mod. Phys. 43, 297 (1971): 14.99 eV) */
#define FB_I_EXC_HE_EV 41.8              /* mean excitation energy of helium [eV], ICRU Report 37 (1984) */
#define FB_MHE_OVER_MH 3.9715            /* m(4He atom)/m(H atom), as CLASS's not4 (arXiv:1104.2932) */
#define FB_CMB_DEP_Z_HEIII 6000.0        /* He III -> He II recombination (Saha midpoint z ~ 6000, Switzer & Hirata
                                            astro-ph/0702143); He taken as He II above the Saha start of the hydrogen
                                            grid (z ~ 1550) and He III above this (approximation, fb_cmb_dep.h) */
#define FB_ZETA_E_COULOMB_EV 7.40e-11    /* Coulomb logarithm of a fast electron in a plasma: ln Lambda = ln(4 E/zeta_e),
                                            zeta_e = 7.40e-11 (n_e/cm^-3)^{1/2} eV (Furlanetto & Stoever arXiv:0910.4410
                                            sec. 2, after Spitzer) */
/* The joint BBN + CMB likelihood of Sabti, Alvey, Escudero, Fairbairn, Blas arXiv:1910.01649 as their public
 * analysis scripts write it (read in the search tool's code index, 2026-12-07, file ids 27552931203 and 27210656495;
 * the index names no repository or commit, the attribution is by content; the paper's own text was not readable here):
 * a Gaussian in (Omega_b h^2, N_eff, Y_P = 4 n_He/n_b) for Planck 2018 TT,TE,EE+lowE with Y_P and N_eff free
 * (chains base_nnu_yhe_plikHM_TTTEEE_lowl_lowE, arXiv:1807.06209) given as means and the inverse covariance
 * (its inverse: sigma 0.00022 / 0.31 / 0.018, rho(omega_b, N_eff) = 0.40, rho(omega_b, Y_P) = 0.18,
 * rho(N_eff, Y_P) = -0.69); BBN: Y_P = 0.245 +- 0.003 and D/H = (2.569 +- 0.027)e-5 (PDG 2018 BBN review,
 * Fields, Molaro, Sarkar) with PRIMAT's theory errors 0.00017 and 0.036e-5 (arXiv:1801.08023) in quadrature,
 * Y_P compared as 4 n_He/n_b in both (against the measured mass fraction 0.245 this is an offset of ~0.0016, ~0.5 sigma,
 * kept as the scripts have it; it mostly cancels in Delta chi^2); the bound where the profiled Delta chi^2 to the best point crosses the
 * 2 sigma quantile of one dof (chi^2 = 4.00). Used by bbn_joint_fit.c (BBN_LIK_SABTI19). */
#define FB_SABTI19_CMB_OMEGAB 0.02225
#define FB_SABTI19_CMB_NEFF 2.89
#define FB_SABTI19_CMB_YP 0.246
#define FB_SABTI19_CMB_F_WW 4.66287e7  /* inverse covariance, (omega_b, omega_b) */
#define FB_SABTI19_CMB_F_WN (-33110.3) /* (omega_b, N_eff) */
#define FB_SABTI19_CMB_F_WY (-496043.) /* (omega_b, Y_P) */
#define FB_SABTI19_CMB_F_NN 43.3733    /* (N_eff, N_eff) */
#define FB_SABTI19_CMB_F_NY 588.262    /* (N_eff, Y_P) */
#define FB_SABTI19_CMB_F_YY 11168.2    /* (Y_P, Y_P) */
#define FB_SABTI19_YP_OBS 0.245
#define FB_SABTI19_YP_SIGMA 0.003
#define FB_SABTI19_YP_TH 0.00017
#define FB_SABTI19_DH_OBS 2.569e-5
#define FB_SABTI19_DH_SIGMA 0.027e-5
#define FB_SABTI19_DH_TH 0.036e-5
#define FB_CHI2_1DOF_2SIGMA 4.000      /* chi^2 quantile of one dof at 95.45% (2 sigma): 2^2 (PDG 2024 "Statistics") */
/* Upper bound on the primordial (3He + 3H)/D: the protosolar 3He/D = 0.83 +- 0.27 of Geiss & Gloeckler, Space Sci. Rev.
 * 106 (2003) 3, taken as an upper bound central + 1 sigma = 1.10 (3He/D only grows in stars, which burn D into 3He), the
 * form in which Kawasaki, Kohri, Moroi, Takaesu arXiv:1709.01211 and Hufnagel, Schmidt-Hoberg, Wild arXiv:1808.09324 use
 * it as a photodisintegration observable. Their full texts were not readable in the pages corpus (2026-12-07, session 11:
 * abstract pages only), so the threshold is as the brief states it, not checked against their tables. */
#define FB_HE3_D_MAX (0.83 + 0.27)

#endif /* FB_CONSTANTS_H */
